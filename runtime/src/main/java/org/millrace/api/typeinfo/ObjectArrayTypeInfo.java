package org.millrace.api.typeinfo;

import java.lang.reflect.Array;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.ObjectArraySerializer;

/**
 * Type information for arrays of objects ({@code String[]}, {@code Tuple2<String, Long>[]}, ...);
 * elements may be {@code null}. Arrays hash by identity, so they are not key types. Immutable;
 * any thread.
 *
 * @param <T> the array type
 * @param <C> the component type
 */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> arrayType;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayType, TypeInformation<C> componentInfo) {
        this.arrayType = arrayType;
        this.componentInfo = componentInfo;
    }

    /** For an array class whose elements have {@code componentInfo}. */
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(Class<T> arrayClass, TypeInformation<C> componentInfo) {
        if (!arrayClass.isArray() || arrayClass.getComponentType().isPrimitive()
                || !arrayClass.getComponentType().isAssignableFrom(componentInfo.getTypeClass())) {
            throw new IllegalArgumentException(arrayClass.getName() + " is not an object array of " + componentInfo);
        }
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    /** For arrays of {@code componentInfo}'s class. */
    @SuppressWarnings("unchecked")
    public static <C> ObjectArrayTypeInfo<C[], C> getInfoFor(TypeInformation<C> componentInfo) {
        Class<C[]> arrayClass = (Class<C[]>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayType;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<T> createSerializer() {
        return (TypeSerializer<T>) new ObjectArraySerializer(arrayType.getComponentType(), componentInfo.createSerializer());
    }

    @Override
    public String toString() {
        return "ObjectArray<" + componentInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof ObjectArrayTypeInfo)) {
            return false;
        }
        ObjectArrayTypeInfo<?, ?> other = (ObjectArrayTypeInfo<?, ?>) obj;
        return arrayType == other.arrayType && componentInfo.equals(other.componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayType.hashCode() + componentInfo.hashCode();
    }
}
