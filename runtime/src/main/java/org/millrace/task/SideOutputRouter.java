package org.millrace.task;

import java.util.Map;
import org.millrace.api.util.OutputTag;
import org.millrace.task.operators.Output;

/**
 * The output of an operator that has side outputs: main records go to the main output, side
 * records to the outputs consuming their tag (dropped when nobody consumes it). Task thread only.
 */
final class SideOutputRouter<T> implements Output<T> {

    private final Output<T> main;
    private final Map<OutputTag<?>, Output<Object>> sideOutputs;

    SideOutputRouter(Output<T> main, Map<OutputTag<?>, Output<Object>> sideOutputs) {
        this.main = main;
        this.sideOutputs = sideOutputs;
    }

    @Override
    public void collect(T record, long timestamp) {
        main.collect(record, timestamp);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        Output<Object> side = sideOutputs.get(tag);
        if (side != null) {
            side.collect(record, timestamp);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        main.emitWatermark(watermark);
        for (Output<Object> side : sideOutputs.values()) {
            side.emitWatermark(watermark);
        }
    }
}
