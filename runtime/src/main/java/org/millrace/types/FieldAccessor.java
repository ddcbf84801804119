package org.millrace.types;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.typeinfo.CompositeType;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.PojoTypeInfo;
import org.millrace.api.typeinfo.TupleTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;

/**
 * Reads and writes one field of a value, addressed like Flink's aggregations and keys address
 * fields: by position ({@code sum(1)}, {@code keyBy(0)}) or by field expression ({@code "f1"},
 * {@code "count"}, {@code "user.id"}, {@code "*"} for the whole value). Works on tuples, POJOs,
 * Java records and, for position 0 or {@code "*"}, on any other type as a whole.
 *
 * <p>{@link #set} returns the updated value: the same object for tuples and POJOs, a new one for
 * records (rebuilt through the canonical constructor) and for whole values. Accessors are not
 * serializable: a function keeps the type information and the expression, and creates the
 * accessor in the task. Immutable; any thread, but the values it touches belong to their thread.
 */
public abstract class FieldAccessor<T, F> {

    private final TypeInformation<F> fieldType;

    FieldAccessor(TypeInformation<F> fieldType) {
        this.fieldType = fieldType;
    }

    /** The value of the field. */
    public abstract F get(T value);

    /** Sets the field to {@code fieldValue}; returns the value with the field set (see the class comment). */
    public abstract T set(T value, F fieldValue);

    /** The type of the field. */
    public TypeInformation<F> getFieldType() {
        return fieldType;
    }

    /**
     * The accessor for the field at {@code pos} of a tuple, POJO or record, or for the whole value
     * of any other type if {@code pos} is 0.
     *
     * @throws InvalidTypesException if there is no such field
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> of(TypeInformation<T> type, int pos) {
        if (type instanceof CompositeType) {
            CompositeType<T> composite = (CompositeType<T>) type;
            if (pos < 0 || pos >= composite.getArity()) {
                throw new InvalidTypesException("Position " + pos + " is not a field of " + type + " (it has "
                        + composite.getArity() + " fields)");
            }
            return field(composite, pos, new Whole(composite.getTypeAt(pos)));
        }
        if (pos != 0) {
            throw new InvalidTypesException("Position " + pos + " is not a field of " + type
                    + ": it is not a tuple or POJO, so only position 0 (the whole value) exists");
        }
        return new Whole(type);
    }

    /**
     * The accessor for a field expression: a field name, a dotted path into nested tuples, POJOs
     * and records, or {@code "*"} / {@code "_"} for the whole value.
     *
     * @throws InvalidTypesException if the expression names no field
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> of(TypeInformation<T> type, String fieldExpression) {
        String expression = fieldExpression.trim();
        if (expression.equals("*") || expression.equals("_")) {
            return new Whole(type);
        }
        if (!(type instanceof CompositeType)) {
            throw new InvalidTypesException("Cannot select field '" + fieldExpression + "' of " + type
                    + ": it has no fields; use \"*\" for the whole value");
        }
        CompositeType<T> composite = (CompositeType<T>) type;
        int dot = expression.indexOf('.');
        String head = dot < 0 ? expression : expression.substring(0, dot);
        int pos = composite.getFieldIndex(head);
        if (pos < 0) {
            composite.getTypeAt(expression); // throws with the list of fields
        }
        TypeInformation<Object> fieldType = composite.getTypeAt(pos);
        FieldAccessor<Object, Object> inner = dot < 0 ? new Whole(fieldType) : of(fieldType, expression.substring(dot + 1));
        return field(composite, pos, inner);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T, F> FieldAccessor<T, F> field(CompositeType<T> type, int pos, FieldAccessor<Object, Object> inner) {
        if (type instanceof TupleTypeInfo) {
            return new TupleField(pos, inner);
        }
        if (type instanceof PojoTypeInfo) {
            Field field = ((PojoTypeInfo<T>) type).getPojoFieldAt(pos).getField();
            return type.getTypeClass().isRecord() ? new RecordMember(field, inner) : new PojoMember(field, inner);
        }
        throw new InvalidTypesException("Field access is not supported for " + type);
    }

    /** The value itself. */
    private static final class Whole<T> extends FieldAccessor<T, T> {
        Whole(TypeInformation<T> type) {
            super(type);
        }

        @Override
        public T get(T value) {
            return value;
        }

        @Override
        public T set(T value, T fieldValue) {
            return fieldValue;
        }
    }

    /** A tuple field, possibly with a path into it. */
    private static final class TupleField<T extends Tuple, F> extends FieldAccessor<T, F> {
        private final int pos;
        private final FieldAccessor<Object, F> inner;

        TupleField(int pos, FieldAccessor<Object, F> inner) {
            super(inner.getFieldType());
            this.pos = pos;
            this.inner = inner;
        }

        @Override
        public F get(T value) {
            return inner.get(value.getField(pos));
        }

        @Override
        public T set(T value, F fieldValue) {
            value.setField(inner.set(value.getField(pos), fieldValue), pos);
            return value;
        }
    }

    /** A POJO field, through a var handle. */
    private static final class PojoMember<T, F> extends FieldAccessor<T, F> {
        private final VarHandle handle;
        private final FieldAccessor<Object, F> inner;

        PojoMember(Field field, FieldAccessor<Object, F> inner) {
            super(inner.getFieldType());
            this.handle = varHandle(field);
            this.inner = inner;
        }

        @Override
        public F get(T value) {
            return inner.get(handle.get(value));
        }

        @Override
        public T set(T value, F fieldValue) {
            handle.set(value, inner.set(handle.get(value), fieldValue));
            return value;
        }
    }

    /** A record component: read through its field, written by rebuilding the record. */
    private static final class RecordMember<T, F> extends FieldAccessor<T, F> {
        private final VarHandle handle;
        private final FieldAccessor<Object, F> inner;
        private final VarHandle[] components;
        private final int position;
        /** The canonical constructor, typed {@code (Object[])Object}. */
        private final MethodHandle constructor;

        RecordMember(Field field, FieldAccessor<Object, F> inner) {
            super(inner.getFieldType());
            this.handle = varHandle(field);
            this.inner = inner;
            Class<?> recordClass = field.getDeclaringClass();
            RecordComponent[] recordComponents = recordClass.getRecordComponents();
            this.components = new VarHandle[recordComponents.length];
            Class<?>[] types = new Class<?>[recordComponents.length];
            int found = -1;
            try {
                for (int i = 0; i < recordComponents.length; i++) {
                    types[i] = recordComponents[i].getType();
                    components[i] = varHandle(recordClass.getDeclaredField(recordComponents[i].getName()));
                    found = recordComponents[i].getName().equals(field.getName()) ? i : found;
                }
                this.constructor = lookup(recordClass)
                        .findConstructor(recordClass, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException e) {
                throw new InvalidTypesException("Cannot access the components of record " + recordClass.getName(), e);
            }
            this.position = found;
        }

        @Override
        public F get(T value) {
            return inner.get(handle.get(value));
        }

        @Override
        @SuppressWarnings("unchecked")
        public T set(T value, F fieldValue) {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = components[i].get(value);
            }
            arguments[position] = inner.set(arguments[position], fieldValue);
            try {
                return (T) (Object) constructor.invokeExact(arguments);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("The canonical constructor of " + value.getClass().getName() + " failed", t);
            }
        }
    }

    private static VarHandle varHandle(Field field) {
        try {
            return lookup(field.getDeclaringClass()).unreflectVarHandle(field);
        } catch (IllegalAccessException e) {
            throw new InvalidTypesException("Cannot access field " + field + ": its package is not open to Millrace", e);
        }
    }

    private static MethodHandles.Lookup lookup(Class<?> clazz) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(clazz, MethodHandles.lookup());
    }
}
