package org.millrace.task.operators.aggregation;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.millrace.api.functions.ReduceFunction;

/**
 * {@code sum(field)}: adds the field of each record to the running value; the other fields keep
 * the values of the key's first record (Flink's semantics).
 */
public final class SumAggregator<T> implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    private final AggregatedField<T> field;

    public SumAggregator(AggregatedField<T> field) {
        this.field = field;
    }

    @Override
    public T reduce(T value1, T value2) {
        return field.with(value1, add(field.get(value1), field.get(value2)));
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x) {
            return x + (Long) b;
        } else if (a instanceof Integer x) {
            return x + (Integer) b;
        } else if (a instanceof Double x) {
            return x + (Double) b;
        } else if (a instanceof Float x) {
            return x + (Float) b;
        } else if (a instanceof Short x) {
            return (short) (x + (Short) b);
        } else if (a instanceof Byte x) {
            return (byte) (x + (Byte) b);
        } else if (a instanceof BigDecimal x) {
            return x.add((BigDecimal) b);
        } else if (a instanceof BigInteger x) {
            return x.add((BigInteger) b);
        }
        throw new IllegalArgumentException("sum() needs a numeric field, got " + (a == null ? "null" : a.getClass().getName()));
    }
}
