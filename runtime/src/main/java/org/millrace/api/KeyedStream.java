package org.millrace.api;

import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.graph.OneInputTransformation;
import org.millrace.graph.PartitionTransformation;
import org.millrace.graph.Transformation;
import org.millrace.graph.partitioner.KeyGroupStreamPartitioner;
import org.millrace.task.operators.StreamGroupedReduce;

/**
 * A stream partitioned by key: all records of a key reach the same parallel instance, which keeps
 * per-key state (running reductions and aggregations).
 */
public class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;
    private final TypeInformation<K> keyType;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
        super(input.getExecutionEnvironment(), new PartitionTransformation<>(
                input.getTransformation(),
                new KeyGroupStreamPartitioner<>(keySelector, input.getExecutionEnvironment().getMaxParallelism())));
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    /** The key type if given or extracted, else null. */
    public TypeInformation<K> getKeyType() {
        return keyType;
    }

    /** A running reduce per key: emits the key's new value for every record. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        OneInputTransformation<T, T> t = new OneInputTransformation<>(
                transformation, "Keyed Reduce", new StreamGroupedReduce<>(reducer, keySelector), knownType(),
                Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
