package org.millrace.api;

import org.millrace.api.functions.FilterFunction;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.MapFunction;
import org.millrace.api.functions.ProcessFunction;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.windowing.Window;
import org.millrace.api.windowing.WindowAssigner;
import org.millrace.graph.OneInputTransformation;
import org.millrace.graph.PartitionTransformation;
import org.millrace.graph.Transformation;
import org.millrace.graph.partitioner.KeyGroupStreamPartitioner;
import org.millrace.task.operators.AbstractUdfStreamOperator;
import org.millrace.task.operators.KeyContext;
import org.millrace.task.operators.KeyedProcessOperator;
import org.millrace.types.TypeExtractor;
import org.millrace.task.operators.StreamGroupedReduce;
import org.millrace.task.operators.aggregation.Aggregations;
import org.millrace.task.operators.aggregation.ComparableAggregator.Kind;

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
        this.keyType = keyType != null ? keyType
                : TypeExtractor.tryExtractOutputType(keySelector, KeySelector.class, 1, input.knownType());
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
                transformation, "Keyed Reduce", new StreamGroupedReduce<>(reducer, keySelector, keyType, knownType()), knownType(),
                Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Applies a {@link KeyedProcessFunction}: per-record logic with the current key and per-key timers. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> keyedProcessFunction) {
        return process(keyedProcessFunction, null);
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> keyedProcessFunction, TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType, new KeyedProcessOperator<>(keyedProcessFunction, keySelector, keyType),
                keyedProcessFunction, KeyedProcessFunction.class, 2);
    }

    // ------------------------------------------------------------------ keyed record-at-a-time operations

    /** A map whose rich function may use keyed state (bound to each record's key). */
    @Override
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return keyed(super.map(mapper, outputType));
    }

    /** A flatMap whose rich function may use keyed state (bound to each record's key). */
    @Override
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return keyed(super.flatMap(flatMapper, outputType));
    }

    /** A filter whose rich function may use keyed state (bound to each record's key). */
    @Override
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return keyed(super.filter(filter));
    }

    /** A ProcessFunction on a keyed stream, with keyed state through its runtime context. */
    @Override
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return keyed(super.process(processFunction, outputType));
    }

    private <R> SingleOutputStreamOperator<R> keyed(SingleOutputStreamOperator<R> stream) {
        OneInputTransformation<?, R> t = (OneInputTransformation<?, R>) stream.getTransformation();
        ((AbstractUdfStreamOperator<?, ?>) t.getOperator()).setKeyContext(new KeyContext<>(keySelector, keyType));
        return stream;
    }

    /** Cuts the stream into windows per key. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    // ------------------------------------------------------------------ built-in aggregations

    /** Running sum of field {@code position} per key; other fields keep the key's first record. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate(Aggregations.sum(knownType(), position));
    }

    /** Running sum of the named field ("f1" for tuples, a field name for POJOs). */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(Aggregations.sum(knownType(), field));
    }

    /** Running minimum of a field; the other fields keep the key's first record. */
    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate(Aggregations.compare(knownType(), position, Kind.MIN));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(Aggregations.compare(knownType(), field, Kind.MIN));
    }

    /** Running maximum of a field; the other fields keep the key's first record. */
    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate(Aggregations.compare(knownType(), position, Kind.MAX));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(Aggregations.compare(knownType(), field, Kind.MAX));
    }

    /** The record with the smallest value of a field so far (the earlier one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return aggregate(Aggregations.compare(knownType(), position, Kind.MIN_BY));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return aggregate(Aggregations.compare(knownType(), field, Kind.MIN_BY));
    }

    /** The record with the largest value of a field so far (the earlier one on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return aggregate(Aggregations.compare(knownType(), position, Kind.MAX_BY));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return aggregate(Aggregations.compare(knownType(), field, Kind.MAX_BY));
    }

    private SingleOutputStreamOperator<T> aggregate(ReduceFunction<T> aggregator) {
        OneInputTransformation<T, T> t = new OneInputTransformation<>(
                transformation, "Keyed Aggregation", new StreamGroupedReduce<>(aggregator, keySelector, keyType, knownType()), knownType(),
                Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
