package org.millrace.api.typeinfo;

import java.util.List;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.ListSerializer;

/**
 * Type information for {@link List}s of one element type; values are read back as
 * {@link java.util.ArrayList}. Immutable; any thread.
 */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementTypeInfo;

    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        if (elementTypeInfo == null) {
            throw new IllegalArgumentException("The element type must not be null");
        }
        this.elementTypeInfo = elementTypeInfo;
    }

    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(elementTypeClass));
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<T>> getTypeClass() {
        return (Class) List.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return elementTypeInfo.isKeyType();
    }

    @Override
    public TypeSerializer<List<T>> createSerializer() {
        return new ListSerializer<>(elementTypeInfo.createSerializer());
    }

    @Override
    public String toString() {
        return "List<" + elementTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListTypeInfo && elementTypeInfo.equals(((ListTypeInfo<?>) obj).elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * List.class.hashCode() + elementTypeInfo.hashCode();
    }
}
