package org.millrace.api.source.lib;

import java.util.List;
import java.util.Objects;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.millrace.api.typeinfo.ResultTypeQueryable;
import org.millrace.api.typeinfo.TypeInformation;

/**
 * A bounded source of {@code count} records made by a {@link GeneratorFunction} from the indexes
 * 0 to {@code count - 1}. The indexes are cut like {@link NumberSequenceSource}'s range: one
 * contiguous range per parallel reader, the first {@code count % p} ranges one longer.
 *
 * <p>Created on the client; readers run in the source tasks, each with its own copy of the
 * function.
 */
public final class DataGeneratorSource<OUT> implements Source<OUT, NumberSequenceSplit>, ResultTypeQueryable<OUT> {

    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<Long, OUT> generatorFunction;
    private final long count;
    private final TypeInformation<OUT> typeInfo;

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, TypeInformation<OUT> typeInfo) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        this.generatorFunction = Objects.requireNonNull(generatorFunction, "generatorFunction");
        this.count = count;
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    public long getCount() {
        return count;
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return typeInfo;
    }

    @Override
    public List<NumberSequenceSplit> createSplits(int parallelism) {
        return count == 0 ? List.of() : NumberSequenceSource.splitNumberRange(0, count - 1, parallelism);
    }

    @Override
    public SourceReader<OUT, NumberSequenceSplit> createReader(SourceReaderContext context) {
        return new GeneratorReader<>(generatorFunction, context);
    }

    @Override
    public String toString() {
        return "DataGeneratorSource[count=" + count + ", type=" + typeInfo + "]";
    }

    /** A {@link SequenceReader} that also opens and closes the generator function. */
    private static final class GeneratorReader<OUT> extends SequenceReader<OUT> {

        private final GeneratorFunction<Long, OUT> function;
        private final SourceReaderContext context;

        GeneratorReader(GeneratorFunction<Long, OUT> function, SourceReaderContext context) {
            super(function::map, DEFAULT_BATCH_SIZE);
            this.function = function;
            this.context = context;
        }

        @Override
        public void start() throws Exception {
            function.open(context);
        }

        @Override
        public void close() throws Exception {
            function.close();
        }
    }
}
