package org.millrace.api.typeutils;

import java.io.IOException;

/**
 * Writes and reads values of one type to and from byte views. The network, state backends and
 * checkpoints all use the same serializers, so a record has one binary form everywhere.
 *
 * <p>Thread safety: a serializer instance is used by one thread at a time. Stateful serializers
 * (those that keep reusable scratch objects) return a fresh copy from {@link #duplicate()};
 * stateless ones may return {@code this}.
 *
 * <p>Performance contract: {@link #serialize} and {@link #deserialize(Object, DataInputView)}
 * must not allocate beyond the value itself (no temporary arrays or streams per record).
 */
public abstract class TypeSerializer<T> {

    /** True if values of this type never change after creation, so they can be shared without copy. */
    public abstract boolean isImmutableType();

    /** A serializer safe to use from another thread. */
    public abstract TypeSerializer<T> duplicate();

    /** A new default instance (for reuse), or {@code null} for immutable types. */
    public abstract T createInstance();

    /** A deep copy of {@code from}; immutable types may return {@code from}. */
    public abstract T copy(T from);

    /** The fixed length in bytes of a serialized value, or -1 if it varies. */
    public abstract int getLength();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    /**
     * Reads a value, filling {@code reuse} where the type is mutable. Returns the value read, which
     * may or may not be {@code reuse}. The default ignores {@code reuse}.
     */
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }
}
