package org.millrace.types.serializers;

import org.millrace.api.typeutils.TypeSerializer;

/**
 * Base of serializers for immutable values that keep no state: {@link #duplicate()} returns the
 * same instance, {@link #copy} returns its argument. Instances may be shared by any threads.
 */
public abstract class ImmutableSerializer<T> extends TypeSerializer<T> {

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
