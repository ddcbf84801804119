package org.millrace.api.typeinfo;

import java.util.List;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.ListSerializer;

/**
 * Type information for {@link List}s of one element type; values are read back as
 * {@link java.util.ArrayList}. Immutable; any thread.
 */
public final class ListTypeInfo<T> extends CollectionTypeInfo<List<T>, T> {

    private static final long serialVersionUID = 1L;

    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        super(List.class, elementTypeInfo);
    }

    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(elementTypeClass));
    }

    @Override
    public TypeSerializer<List<T>> createSerializer() {
        return new ListSerializer<>(getElementTypeInfo().createSerializer());
    }
}
