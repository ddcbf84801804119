package org.millrace.api.typeinfo;

import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.AvroSerializer;

/**
 * Type information for a class that has no built-in serializer and is not a POJO: it is serialized
 * with Avro reflect (every non-primitive field nullable). Slower than a POJO or tuple, and limited
 * to what Avro reflect can describe (no interface- or Object-typed fields); the serializer fails
 * with a message naming the class otherwise. A key type only if the class overrides
 * {@code hashCode} and {@code equals}. Immutable; any thread.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        if (typeClass == null) {
            throw new IllegalArgumentException("The type class must not be null");
        }
        this.typeClass = typeClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return TypeInfoUtils.hashesByValue(typeClass);
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        return AvroSerializer.forReflect(typeClass);
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericTypeInfo && ((GenericTypeInfo<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }
}
