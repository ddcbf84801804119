package org.millrace.api.typeinfo;

import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.EnumSerializer;

/**
 * Type information for an enum, serialized as the constant's ordinal. Not a key type: an enum's
 * {@code hashCode} is its identity hash, which differs between JVMs, so the same constant would
 * land in different key groups on different machines (key by its {@code name()} instead).
 * Immutable; any thread.
 */
public final class EnumTypeInfo<T extends Enum<T>> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;

    public EnumTypeInfo(Class<T> enumClass) {
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
        this.enumClass = enumClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return enumClass;
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
    public TypeSerializer<T> createSerializer() {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public String toString() {
        return "Enum<" + enumClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumTypeInfo && ((EnumTypeInfo<?>) obj).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.hashCode();
    }
}
