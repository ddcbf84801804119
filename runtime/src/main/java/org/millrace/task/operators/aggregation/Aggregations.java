package org.millrace.task.operators.aggregation;

import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.typeinfo.TypeInformation;

/** Builds the reduce functions behind {@code KeyedStream}'s sum, min, max, minBy and maxBy. */
public final class Aggregations {

    private Aggregations() {}

    public static <T> ReduceFunction<T> sum(TypeInformation<T> type, int position) {
        return new SumAggregator<>(AggregatedField.at(type, position, "sum"));
    }

    public static <T> ReduceFunction<T> sum(TypeInformation<T> type, String field) {
        return new SumAggregator<>(AggregatedField.named(type, field, "sum"));
    }

    public static <T> ReduceFunction<T> compare(TypeInformation<T> type, int position, ComparableAggregator.Kind kind) {
        return new ComparableAggregator<>(AggregatedField.at(type, position, name(kind)), kind);
    }

    public static <T> ReduceFunction<T> compare(TypeInformation<T> type, String field, ComparableAggregator.Kind kind) {
        return new ComparableAggregator<>(AggregatedField.named(type, field, name(kind)), kind);
    }

    private static String name(ComparableAggregator.Kind kind) {
        return switch (kind) {
            case MIN -> "min";
            case MAX -> "max";
            case MIN_BY -> "minBy";
            case MAX_BY -> "maxBy";
        };
    }
}
