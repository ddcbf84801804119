package org.millrace.api.typeinfo;

import java.util.Collection;

/**
 * What {@link ListTypeInfo} and {@link SetTypeInfo} share: one element type, arity 1, equality by
 * kind and element type. Immutable; any thread.
 */
abstract class CollectionTypeInfo<C extends Collection<T>, T> extends TypeInformation<C> {

    private static final long serialVersionUID = 1L;

    private final Class<?> collectionClass;
    private final TypeInformation<T> elementTypeInfo;

    CollectionTypeInfo(Class<?> collectionClass, TypeInformation<T> elementTypeInfo) {
        if (elementTypeInfo == null) {
            throw new IllegalArgumentException("The element type must not be null");
        }
        this.collectionClass = collectionClass;
        this.elementTypeInfo = elementTypeInfo;
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<C> getTypeClass() {
        return (Class) collectionClass;
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
    public String toString() {
        return collectionClass.getSimpleName() + "<" + elementTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass()
                && elementTypeInfo.equals(((CollectionTypeInfo<?, ?>) obj).elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * collectionClass.hashCode() + elementTypeInfo.hashCode();
    }
}
