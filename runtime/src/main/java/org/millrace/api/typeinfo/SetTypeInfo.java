package org.millrace.api.typeinfo;

import java.util.Set;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.SetSerializer;

/**
 * Type information for {@link Set}s of one element type; values are read back as
 * {@link java.util.HashSet}. Immutable; any thread.
 */
public final class SetTypeInfo<T> extends TypeInformation<Set<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementTypeInfo;

    public SetTypeInfo(TypeInformation<T> elementTypeInfo) {
        if (elementTypeInfo == null) {
            throw new IllegalArgumentException("The element type must not be null");
        }
        this.elementTypeInfo = elementTypeInfo;
    }

    public SetTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(elementTypeClass));
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Set<T>> getTypeClass() {
        return (Class) Set.class;
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
    public TypeSerializer<Set<T>> createSerializer() {
        return new SetSerializer<>(elementTypeInfo.createSerializer());
    }

    @Override
    public String toString() {
        return "Set<" + elementTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SetTypeInfo && elementTypeInfo.equals(((SetTypeInfo<?>) obj).elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * Set.class.hashCode() + elementTypeInfo.hashCode();
    }
}
