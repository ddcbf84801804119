package org.millrace.api;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.FilterFunction;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.functions.KeySelector;
import org.millrace.api.functions.MapFunction;
import org.millrace.api.functions.ProcessFunction;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.PrintSink;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.TextOutputSink;
import org.millrace.api.util.CloseableIterator;
import org.millrace.fs.FileSystem;
import org.millrace.task.collect.CollectSink;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.graph.OneInputTransformation;
import org.millrace.graph.PartitionTransformation;
import org.millrace.graph.Transformation;
import org.millrace.graph.UnionTransformation;
import org.millrace.graph.partitioner.BroadcastPartitioner;
import org.millrace.graph.partitioner.ForwardPartitioner;
import org.millrace.graph.partitioner.RebalancePartitioner;
import org.millrace.graph.partitioner.ShufflePartitioner;
import org.millrace.graph.partitioner.StreamPartitioner;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.ProcessOperator;
import org.millrace.task.operators.StreamFilter;
import org.millrace.task.operators.StreamFlatMap;
import org.millrace.task.operators.StreamMap;
import org.millrace.task.operators.StreamSink;
import org.millrace.task.operators.TimestampsAndWatermarksOperator;

/**
 * A stream of records of type {@code T}, the unit the job is built from: each method adds an
 * operation and returns the resulting stream. Nothing runs until the environment's
 * {@code execute()}.
 */
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** The type of the records; throws, naming the operator, if it could not be determined. */
    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    public int getParallelism() {
        int p = transformation.getParallelism();
        return p == Transformation.DEFAULT_PARALLELISM ? environment.getParallelism() : p;
    }

    // ------------------------------------------------------------------ record-at-a-time operations

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return map(mapper, null);
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new StreamMap<>(mapper), mapper, MapFunction.class, 1);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return flatMap(flatMapper, null);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new StreamFlatMap<>(flatMapper), flatMapper, FlatMapFunction.class, 1);
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        OneInputTransformation<T, T> t = new OneInputTransformation<>(
                transformation, "Filter", new StreamFilter<>(filter), knownType(), Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /**
     * Adds a custom operator. With {@code outputType} null the type is extracted from
     * {@code function}'s signature ({@code functionInterface}'s type parameter {@code outputIndex}).
     */
    protected <R> SingleOutputStreamOperator<R> transform(
            String name,
            TypeInformation<R> outputType,
            OneInputStreamOperator<T, R> operator,
            org.millrace.api.functions.Function function,
            Class<?> functionInterface,
            int outputIndex) {
        OneInputTransformation<T, R> t = new OneInputTransformation<>(
                transformation, name, operator, outputType, Transformation.DEFAULT_PARALLELISM);
        if (outputType == null) {
            OutputTypes.extract(function, functionInterface, outputIndex, knownType(), t);
        }
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** This stream's type if known, else null (the error surfaces later, where the type is needed). */
    protected TypeInformation<T> knownType() {
        return transformation.hasOutputType() ? transformation.getOutputType() : null;
    }

    /** Applies a {@link ProcessFunction} to every record: any number of outputs, side outputs, time. */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return process(processFunction, null);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return transform("Process", outputType, new ProcessOperator<>(processFunction), processFunction, ProcessFunction.class, 1);
    }

    /** Stamps records with event time and generates watermarks from them (for streams whose source did not). */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        OneInputTransformation<T, T> t = new OneInputTransformation<>(
                transformation, "Timestamps/Watermarks", new TimestampsAndWatermarksOperator<>(watermarkStrategy), knownType(),
                Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    // ------------------------------------------------------------------ partitioning

    /** Partitions by key: every record with the same key goes to the same parallel instance. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(this, key, null);
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        return new KeyedStream<>(this, key, keyType);
    }

    /** Round-robin over the next operator's instances. */
    public DataStream<T> rebalance() {
        return partition(new RebalancePartitioner<>());
    }

    /** A random instance of the next operator per record. */
    public DataStream<T> shuffle() {
        return partition(new ShufflePartitioner<>());
    }

    /** Every record to every instance of the next operator. */
    public DataStream<T> broadcast() {
        return partition(new BroadcastPartitioner<>());
    }

    /**
     * Round-robin to the next operator's instances. Flink keeps rescale's round robin local to
     * groups of instances; here it spans all of them, which distributes the same way.
     */
    public DataStream<T> rescale() {
        return partition(new RebalancePartitioner<>());
    }

    /** Instance i feeds instance i of the next operator (equal parallelism required). */
    public DataStream<T> forward() {
        return partition(new ForwardPartitioner<>());
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            inputs.add(s.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    protected DataStream<T> partition(StreamPartitioner<T> partitioner) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioner));
    }

    // ------------------------------------------------------------------ sinks

    /** Prints each record's {@code toString()} to standard out, prefixed by "N> " (subtask N) when parallel. */
    public DataStreamSink<T> print() {
        return addSink("Print to Std. Out", new PrintSink<>());
    }

    /** Prints with the given prefix: "id:N> record". */
    public DataStreamSink<T> print(String sinkIdentifier) {
        return addSink("Print to Std. Out", new PrintSink<>(sinkIdentifier));
    }

    public DataStreamSink<T> printToErr() {
        return addSink("Print to Std. Err", new PrintSink<>(true));
    }

    /**
     * Writes each record's {@code toString()} as a line: to the file {@code path} at parallelism 1,
     * else to files "1".."n" in the directory {@code path}. Fails if the target exists.
     */
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, FileSystem.WriteMode.NO_OVERWRITE);
    }

    public DataStreamSink<T> writeAsText(String path, FileSystem.WriteMode writeMode) {
        return addSink("TextSink: " + path, new TextOutputSink<>(new Path(path), writeMode));
    }

    /** Runs the job and returns its records (the job must be bounded; they are gathered when it ends). */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        List<T> all = collect(jobName);
        java.util.Iterator<T> it = all.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void close() {}
        };
    }

    /** Runs the job and returns at most {@code limit} of its records. */
    public List<T> executeAndCollect(int limit) throws Exception {
        List<T> all = collect("DataStream Collect");
        return all.size() <= limit ? all : new ArrayList<>(all.subList(0, limit));
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        List<T> all = collect(jobName);
        return all.size() <= limit ? all : new ArrayList<>(all.subList(0, limit));
    }

    private List<T> collect(String jobName) throws Exception {
        TypeInformation<T> type = getType();
        String accumulator = "collect-" + java.util.UUID.randomUUID();
        addSink("Collect Sink", new CollectSink<>(type, accumulator));
        JobExecutionResult result = environment.execute(jobName);
        List<byte[]> chunks = result.getAccumulatorResult(accumulator);
        return chunks == null ? new ArrayList<>() : CollectSink.deserializeAccumulatorResult(chunks, type.createSerializer());
    }

    /** Writes records to a {@link Sink}. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return addSink("Sink", sink);
    }

    protected DataStreamSink<T> addSink(String name, Sink<T> sink) {
        OneInputTransformation<T, Object> t = new OneInputTransformation<>(
                transformation, name, new StreamSink<>(sink), null, Transformation.DEFAULT_PARALLELISM);
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }
}
