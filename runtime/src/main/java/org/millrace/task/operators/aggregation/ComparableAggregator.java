package org.millrace.task.operators.aggregation;

import org.millrace.api.functions.ReduceFunction;

/**
 * {@code min}/{@code max} (only the field follows the extreme; the other fields keep the key's
 * first record) and {@code minBy}/{@code maxBy} (the whole record holding the extreme; on a tie
 * the earlier record stays), with Flink's semantics.
 */
public final class ComparableAggregator<T> implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    /** Which aggregation. */
    public enum Kind {
        MIN, MAX, MIN_BY, MAX_BY
    }

    private final AggregatedField<T> field;
    private final Kind kind;

    public ComparableAggregator(AggregatedField<T> field, Kind kind) {
        this.field = field;
        this.kind = kind;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T reduce(T value1, T value2) {
        Comparable a = (Comparable) field.get(value1);
        Comparable b = (Comparable) field.get(value2);
        int c = a.compareTo(b);
        boolean secondWins = (kind == Kind.MIN || kind == Kind.MIN_BY) ? c > 0 : c < 0;
        if (kind == Kind.MIN_BY || kind == Kind.MAX_BY) {
            return secondWins ? value2 : value1;
        }
        return secondWins ? field.with(value1, b) : value1;
    }
}
