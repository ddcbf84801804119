package org.millrace.api.eventtime;

import java.io.Serializable;

/** Creates the {@link WatermarkGenerator} of one source subtask; what {@link WatermarkStrategy#forGenerator} takes. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may know of where it runs (nothing yet; kept for Flink's signature). */
    interface Context {}
}
