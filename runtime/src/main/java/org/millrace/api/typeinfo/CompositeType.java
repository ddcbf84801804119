package org.millrace.api.typeinfo;

import java.util.Arrays;

/**
 * Type information for types made of named, typed fields: tuples ({@link TupleTypeInfo}) and POJOs
 * ({@link PojoTypeInfo}). The runtime reads field types here for position and field-name access
 * ({@code keyBy(0)}, {@code sum("f1")}, {@code keyBy("user.id")}). Immutable; any thread.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    protected final Class<T> typeClass;

    protected CompositeType(Class<T> typeClass) {
        this.typeClass = typeClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    /** The type of the field at {@code pos} (0-based). */
    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** The field names, in field order. */
    public abstract String[] getFieldNames();

    /** The position of the named field, or -1 if there is none. */
    public abstract int getFieldIndex(String fieldName);

    public boolean hasField(String fieldName) {
        return getFieldIndex(fieldName) >= 0;
    }

    /**
     * The type of a field expression: a field name ({@code "f1"}, {@code "name"}), a path into nested
     * composite types ({@code "f1.name"}), or {@code "*"} / {@code "_"} for the whole type.
     *
     * @throws InvalidTypesException if a field does not exist
     */
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(String fieldExpression) {
        String expression = fieldExpression.trim();
        if (expression.equals("*") || expression.equals("_")) {
            return (TypeInformation<X>) this;
        }
        int dot = expression.indexOf('.');
        String head = dot < 0 ? expression : expression.substring(0, dot);
        int pos = getFieldIndex(head);
        if (pos < 0) {
            throw new InvalidTypesException("Field '" + head + "' of expression '" + fieldExpression + "' does not exist in "
                    + this + "; its fields are " + Arrays.toString(getFieldNames()));
        }
        TypeInformation<X> field = getTypeAt(pos);
        if (dot < 0) {
            return field;
        }
        if (!(field instanceof CompositeType)) {
            throw new InvalidTypesException("Field '" + head + "' of expression '" + fieldExpression + "' has type " + field
                    + ", which has no fields to select with '" + expression.substring(dot + 1) + "'");
        }
        return ((CompositeType<?>) field).getTypeAt(expression.substring(dot + 1));
    }

    @Override
    public int getTotalFields() {
        int total = 0;
        for (int i = 0; i < getArity(); i++) {
            total += getTypeAt(i).getTotalFields();
        }
        return total;
    }
}
