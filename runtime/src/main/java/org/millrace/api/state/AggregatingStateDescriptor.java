package org.millrace.api.state;

import java.util.Objects;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.RichFunction;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes an {@link AggregatingState}: its name, the {@link AggregateFunction} and the type of
 * its accumulator (which is what is stored). Built by user code; see {@link StateDescriptor} for
 * threads.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the type of the accumulator
 * @param <OUT> the type of the result
 */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final TypeSlot<ACC> accumulatorType;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
        this(name, aggregateFunction, TypeSlot.of(accumulatorClass, "the accumulator"));
    }

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInformation<ACC> accumulatorTypeInfo) {
        this(name, aggregateFunction, TypeSlot.of(accumulatorTypeInfo, "the accumulator"));
    }

    private AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeSlot<ACC> accumulatorType) {
        super(name);
        if (aggregateFunction instanceof RichFunction) {
            throw new UnsupportedOperationException("an AggregateFunction of an AggregatingState cannot be a RichFunction");
        }
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "the aggregate function must not be null");
        this.accumulatorType = accumulatorType;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    public TypeInformation<ACC> getAccumulatorTypeInformation() {
        return accumulatorType.typeInfo();
    }

    public TypeSerializer<ACC> createAccumulatorSerializer() {
        return accumulatorType.createSerializer();
    }
}
