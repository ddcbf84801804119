package org.millrace.api.eventtime;

import java.io.Serializable;

/** Creates the {@link TimestampAssigner} of one source subtask. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** A supplier of the given (serializable) assigner. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }

    /** What an assigner may know of where it runs (nothing yet; kept for Flink's signature). */
    interface Context {}
}
