package org.millrace.api.typeinfo;

import java.util.Set;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.SetSerializer;

/**
 * Type information for {@link Set}s of one element type; values are read back as
 * {@link java.util.HashSet}. Immutable; any thread.
 */
public final class SetTypeInfo<T> extends CollectionTypeInfo<Set<T>, T> {

    private static final long serialVersionUID = 1L;

    public SetTypeInfo(TypeInformation<T> elementTypeInfo) {
        super(Set.class, elementTypeInfo);
    }

    public SetTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(elementTypeClass));
    }

    @Override
    public TypeSerializer<Set<T>> createSerializer() {
        return new SetSerializer<>(getElementTypeInfo().createSerializer());
    }
}
