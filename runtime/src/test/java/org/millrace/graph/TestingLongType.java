package org.millrace.graph;

import java.io.IOException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/** A minimal Long type for graph tests, independent of the real type system. */
public final class TestingLongType extends TypeInformation<Long> {
    private static final long serialVersionUID = 1L;

    public static final TestingLongType INSTANCE = new TestingLongType();

    @Override
    public Class<Long> getTypeClass() {
        return Long.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<Long> createSerializer() {
        return new TypeSerializer<>() {
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
                return 0L;
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
        };
    }

    @Override
    public String toString() {
        return "TestingLong";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TestingLongType;
    }

    @Override
    public int hashCode() {
        return 1;
    }
}
