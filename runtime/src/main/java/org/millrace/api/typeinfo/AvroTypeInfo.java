package org.millrace.api.typeinfo;

import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.AvroSerializer;

/**
 * Type information for a class serialized with Avro: a generated {@link SpecificRecord} class
 * (through its schema), or any other class through Avro reflect. Generated classes are key types;
 * reflect classes only if they override {@code hashCode} and {@code equals}. Immutable; any thread.
 */
public final class AvroTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public AvroTypeInfo(Class<T> typeClass) {
        if (typeClass == null) {
            throw new IllegalArgumentException("The type class must not be null");
        }
        this.typeClass = typeClass;
    }

    /** True for generated Avro classes, false for classes read through Avro reflect. */
    public boolean isSpecificRecord() {
        return SpecificRecord.class.isAssignableFrom(typeClass);
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<T> createSerializer() {
        if (isSpecificRecord()) {
            return (TypeSerializer<T>) AvroSerializer.forSpecific((Class) typeClass);
        }
        return AvroSerializer.forReflect(typeClass);
    }

    @Override
    public String toString() {
        return (isSpecificRecord() ? "AvroSpecific<" : "AvroReflect<") + typeClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AvroTypeInfo && ((AvroTypeInfo<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.hashCode() + 7;
    }
}
