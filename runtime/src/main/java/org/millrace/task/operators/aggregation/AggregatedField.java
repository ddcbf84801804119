package org.millrace.task.operators.aggregation;

import java.io.Serializable;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.FieldAccessor;

/**
 * The field a built-in aggregation works on, by position or expression, resolved against the
 * stream's type when the job is built (so a bad field fails there) and again in the task (field
 * accessors are not serializable). {@link #with} returns a copy so that a record kept as state or
 * already emitted is never changed in place.
 */
final class AggregatedField<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;
    private final int position;
    private final String expression;
    private transient FieldAccessor<T, Object> accessor;
    private transient TypeSerializer<T> serializer;

    private AggregatedField(TypeInformation<T> type, int position, String expression) {
        this.type = type;
        this.position = position;
        this.expression = expression;
        resolve(); // fail at job building time for a bad position or name
    }

    static <T> AggregatedField<T> at(TypeInformation<T> type, int position, String operation) {
        return new AggregatedField<>(require(type, operation + "(" + position + ")"), position, null);
    }

    static <T> AggregatedField<T> named(TypeInformation<T> type, String expression, String operation) {
        return new AggregatedField<>(require(type, operation + "(\"" + expression + "\")"), -1, expression);
    }

    private static <T> TypeInformation<T> require(TypeInformation<T> type, String call) {
        if (type == null) {
            throw new InvalidTypesException(call + " needs the type of the keyed stream, which could not be determined:"
                    + " declare it with .returns(...) on the operator before keyBy");
        }
        return type;
    }

    private FieldAccessor<T, Object> resolve() {
        if (accessor == null) {
            accessor = expression == null ? FieldAccessor.of(type, position) : FieldAccessor.of(type, expression);
        }
        return accessor;
    }

    Object get(T record) {
        return resolve().get(record);
    }

    /** A copy of {@code record} with the field set to {@code value}. */
    @SuppressWarnings("unchecked")
    T with(T record, Object value) {
        T copy;
        if (record instanceof Tuple t) {
            copy = (T) t.copy();
        } else {
            if (serializer == null) {
                serializer = type.createSerializer();
            }
            copy = serializer.copy(record);
        }
        return resolve().set(copy, value);
    }
}
