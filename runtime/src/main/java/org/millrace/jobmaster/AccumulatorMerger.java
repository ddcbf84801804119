package org.millrace.jobmaster;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.millrace.api.accumulators.Accumulator;

/** Merges the subtasks' final accumulators by name into the job's results. Stateless. */
final class AccumulatorMerger {

    private AccumulatorMerger() {}

    /**
     * Name -> merged value: the first subtask's accumulator is cloned (the subtasks' own stay untouched)
     * and the others merged into the clone. Fails if one name carries accumulators of different types.
     */
    static Map<String, Object> merge(List<Map<String, Accumulator<?, ?>>> perSubtask) {
        Map<String, Accumulator<?, ?>> merged = new TreeMap<>();
        for (Map<String, Accumulator<?, ?>> accumulators : perSubtask) {
            for (Map.Entry<String, Accumulator<?, ?>> e : accumulators.entrySet()) {
                Accumulator<?, ?> into = merged.get(e.getKey());
                if (into == null) {
                    merged.put(e.getKey(), e.getValue().clone());
                } else if (into.getClass() != e.getValue().getClass()) {
                    throw new IllegalStateException("Accumulator '" + e.getKey() + "' has different types in different subtasks: "
                            + into.getClass().getName() + " and " + e.getValue().getClass().getName());
                } else {
                    mergeInto(into, e.getValue());
                }
            }
        }
        Map<String, Object> results = new TreeMap<>();
        merged.forEach((name, accumulator) -> results.put(name, accumulator.getLocalValue()));
        return Collections.unmodifiableMap(results);
    }

    @SuppressWarnings("unchecked")
    private static <V, R extends Serializable> void mergeInto(Accumulator<?, ?> into, Accumulator<?, ?> other) {
        // same class, checked by the caller
        ((Accumulator<V, R>) into).merge((Accumulator<V, R>) other);
    }
}
