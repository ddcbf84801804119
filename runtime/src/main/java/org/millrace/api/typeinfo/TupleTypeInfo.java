package org.millrace.api.typeinfo;

import java.util.Arrays;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.TupleSerializer;

/**
 * Type information for tuples: {@code Tuple0}..{@code Tuple5} or a subclass with a public no-arg
 * constructor, with the type of each field. Fields are named {@code f0}, {@code f1}, ...; field
 * lookups also accept the bare position ({@code "1"}). Immutable; any thread.
 */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    /** For the plain tuple class of arity {@code types.length}. */
    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    public TupleTypeInfo(Class<T> tupleType, TypeInformation<?>... types) {
        super(tupleType);
        if (!Tuple.getTupleClass(types.length).isAssignableFrom(tupleType)) {
            throw new IllegalArgumentException(tupleType.getName() + " is not a tuple of arity " + types.length);
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalArgumentException("The type of field f" + i + " is null");
            }
        }
        this.types = types.clone();
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldNames[i] = "f" + i;
        }
    }

    /** A plain tuple type of basic-typed fields, e.g. {@code getBasicTupleTypeInfo(String.class, Long.class)}. */
    public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new IllegalArgumentException(basicTypes[i].getName() + " is not a basic type");
            }
        }
        return new TupleTypeInfo<>(infos);
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public boolean isKeyType() {
        for (TypeInformation<?> type : types) {
            if (!type.isKeyType()) {
                return false;
            }
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new IndexOutOfBoundsException("Position " + pos + " is not a field of " + this);
        }
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public int getFieldIndex(String fieldName) {
        String name = fieldName.startsWith("f") ? fieldName.substring(1) : fieldName;
        if (name.isEmpty() || name.length() > 2 || !name.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int pos = Integer.parseInt(name);
        return pos < types.length && String.valueOf(pos).equals(name) ? pos : -1;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            serializers[i] = types[i].createSerializer();
        }
        return TupleSerializer.create(typeClass, serializers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(typeClass.getSimpleName());
        if (types.length > 0) {
            sb.append('<');
            for (int i = 0; i < types.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(types[i]);
            }
            sb.append('>');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleTypeInfo)) {
            return false;
        }
        TupleTypeInfo<?> other = (TupleTypeInfo<?>) obj;
        return typeClass == other.typeClass && Arrays.equals(types, other.types);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.hashCode() + Arrays.hashCode(types);
    }
}
