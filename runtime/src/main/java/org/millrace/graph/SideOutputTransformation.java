package org.millrace.graph;

import java.util.List;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;

/** Not an operator: selects the records its input operator emitted to a side output. */
public final class SideOutputTransformation<T> extends Transformation<T> {

    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput: " + tag.getId(), tag.getTypeInfo(), DEFAULT_PARALLELISM);
        this.input = input;
        this.tag = tag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public TypeInformation<T> getOutputType() {
        return tag.getTypeInfo();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
