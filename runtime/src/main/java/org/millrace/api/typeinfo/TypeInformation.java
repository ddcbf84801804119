package org.millrace.api.typeinfo;

import java.io.Serializable;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes the type of the records of a stream and creates their {@link TypeSerializer}. Built
 * by {@link Types}, by {@link #of(Class)} / {@link #of(TypeHint)}, or extracted from a function's
 * signature. It travels in the job graph, so it is serializable; serializers are created in the
 * task that uses them. Implementations are immutable and may be used from any thread.
 */
public abstract class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The class of the values (erased). */
    public abstract Class<T> getTypeClass();

    /** Number of fields for composite types (tuples, POJOs); 1 otherwise. */
    public abstract int getArity();

    /** Number of leaf fields, counting nested composite types' fields. */
    public int getTotalFields() {
        return getArity();
    }

    /** True for the basic types of {@link BasicTypeInfo} (boxed primitives, String, ...). */
    public boolean isBasicType() {
        return false;
    }

    /** True for {@code Tuple0}..{@code Tuple5}. */
    public boolean isTupleType() {
        return false;
    }

    /** True if values have a stable {@code hashCode}/{@code equals}, so they can be keys. */
    public boolean isKeyType() {
        return true;
    }

    /** A serializer for values of this type. */
    public abstract TypeSerializer<T> createSerializer();

    /** The type information of the given class (extracted by reflection). */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return TypeInfoResolver.forClass(typeClass);
    }

    /** The type information of a generic type captured by a {@link TypeHint}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();
}
