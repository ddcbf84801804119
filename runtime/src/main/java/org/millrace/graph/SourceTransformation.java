package org.millrace.graph;

import java.util.List;
import org.millrace.api.source.Source;
import org.millrace.api.typeinfo.TypeInformation;

/** A source: a {@link Source} read by parallel readers. */
public final class SourceTransformation<T> extends Transformation<T> {

    private final Source<T, ?> source;

    public SourceTransformation(String name, Source<T, ?> source, TypeInformation<T> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.source = source;
    }

    public Source<T, ?> getSource() {
        return source;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
