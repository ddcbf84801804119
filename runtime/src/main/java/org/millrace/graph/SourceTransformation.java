package org.millrace.graph;

import java.util.List;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.source.Source;
import org.millrace.api.typeinfo.TypeInformation;

/** A source: a {@link Source} read by parallel readers. */
public final class SourceTransformation<T> extends Transformation<T> {

    private final Source<T, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(
            String name, Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, TypeInformation<T> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    public Source<T, ?> getSource() {
        return source;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
