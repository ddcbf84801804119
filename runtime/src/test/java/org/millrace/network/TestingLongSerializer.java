package org.millrace.network;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/** An 8-byte big-endian serializer for {@link Long}, standing in for the real one in data-plane tests. */
public final class TestingLongSerializer extends TypeSerializer<Long> {

    public static final TestingLongSerializer INSTANCE = new TestingLongSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<Long> duplicate() {
        return this;
    }

    @Override
    public Long createInstance() {
        return null;
    }

    @Override
    public Long copy(Long from) {
        return from;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
        target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return source.readLong();
    }
}
