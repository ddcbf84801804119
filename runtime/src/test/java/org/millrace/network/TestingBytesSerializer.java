package org.millrace.network;

import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/** Variable-length byte arrays (int length, then the bytes), for records of any size in data-plane tests. */
public final class TestingBytesSerializer extends TypeSerializer<byte[]> {

    public static final TestingBytesSerializer INSTANCE = new TestingBytesSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<byte[]> duplicate() {
        return this;
    }

    @Override
    public byte[] createInstance() {
        return new byte[0];
    }

    @Override
    public byte[] copy(byte[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        target.writeInt(record.length);
        target.write(record);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return bytes;
    }
}
