package org.millrace.api;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.fs.Path;
import org.millrace.api.source.file.TextInputFormat;
import org.millrace.api.source.file.TextLineSource;
import org.millrace.api.source.lib.FromElementsSource;
import org.millrace.api.source.lib.NumberSequenceSource;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.source.Source;
import org.millrace.api.typeinfo.ResultTypeQueryable;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.client.ExecutionContext;
import org.millrace.cluster.ClusterClient;
import org.millrace.cluster.Deployers;
import org.millrace.configuration.ConfigOption;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.CoreOptions;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobGraphGenerator;
import org.millrace.graph.SourceTransformation;
import org.millrace.graph.StreamGraph;
import org.millrace.graph.StreamGraphGenerator;
import org.millrace.graph.Transformation;
import org.millrace.types.TypeExtractor;

/**
 * Where a job is defined and started: creates sources, collects the operators the
 * {@link DataStream}s define, and on {@link #execute()} turns them into a job graph and runs it on
 * the cluster chosen by {@code execution.target} (an embedded local cluster by default).
 *
 * <p>Used by the thread that builds the job (the user's {@code main}).
 */
public class StreamExecutionEnvironment {

    private static final ConfigOption<Integer> PARALLELISM = CoreOptions.DEFAULT_PARALLELISM;
    private static final ConfigOption<Integer> MAX_PARALLELISM = CoreOptions.MAX_PARALLELISM;
    private static final ConfigOption<String> TARGET = ExecutionOptions.TARGET;
    private static final ConfigOption<Integer> SLOTS = TaskManagerOptions.NUM_TASK_SLOTS;
    private static final ConfigOption<Integer> TASK_MANAGERS = LocalClusterOptions.NUM_TASK_MANAGERS;

    private final Configuration configuration;
    private final List<URI> userJars;
    private final ExecutionContext context;
    private final List<Transformation<?>> sinks = new ArrayList<>();
    private int parallelism;
    private int maxParallelism;
    private final ExecutionConfig config = new ExecutionConfig(this);
    private final CheckpointConfig checkpointConfig;

    protected StreamExecutionEnvironment(Configuration configuration, ExecutionContext context, int defaultParallelism) {
        this.configuration = new Configuration(configuration);
        this.context = context;
        this.userJars = context == null ? List.of() : context.getUserJars();
        this.parallelism = configuration.contains(PARALLELISM) ? configuration.get(PARALLELISM) : defaultParallelism;
        this.maxParallelism = configuration.get(MAX_PARALLELISM);
        this.checkpointConfig = new CheckpointConfig(this.configuration);
    }

    /**
     * The environment of the current launch: the one the CLI prepared ({@code bin/millrace run}), or
     * an embedded local cluster with parallelism 1 when the program runs on its own.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        ExecutionContext ctx = ExecutionContext.current();
        if (ctx != null) {
            return new StreamExecutionEnvironment(ctx.getConfiguration(), ctx, 1);
        }
        return createLocalEnvironment();
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        StreamExecutionEnvironment env = getExecutionEnvironment();
        env.configuration.addAll(configuration);
        if (configuration.contains(PARALLELISM)) {
            env.parallelism = configuration.get(PARALLELISM);
        }
        return env;
    }

    /** An environment running jobs on an embedded cluster in this JVM, with the number of cores as parallelism. */
    public static StreamExecutionEnvironment createLocalEnvironment() {
        return createLocalEnvironment(Runtime.getRuntime().availableProcessors());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        return createLocalEnvironment(parallelism, new Configuration());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism, Configuration configuration) {
        Configuration c = new Configuration(configuration).setString(TARGET.key(), "local");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(c, null, parallelism);
        env.setParallelism(parallelism);
        return env;
    }

    // ------------------------------------------------------------------ settings

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("The max parallelism must be between 1 and 32768, got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** The execution settings with Flink's names: a view of this environment's configuration. */
    public ExecutionConfig getConfig() {
        return config;
    }

    /**
     * Turns on checkpoints, one every {@code interval} ms, exactly-once unless the mode was set
     * otherwise ({@code execution.checkpointing.interval}; see {@link #getCheckpointConfig()}).
     */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        checkpointConfig.setCheckpointInterval(interval);
        return this;
    }

    /** Turns on checkpoints, one every {@code interval} ms, with the given consistency mode. */
    public StreamExecutionEnvironment enableCheckpointing(long interval, CheckpointingMode mode) {
        checkpointConfig.setCheckpointingConsistencyMode(mode);
        checkpointConfig.setCheckpointInterval(interval);
        return this;
    }

    /** The checkpoint settings: a view of this environment's configuration. */
    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    /** The configuration jobs of this environment run with (a live view: changes apply to later executions). */
    public Configuration getConfiguration() {
        return configuration;
    }

    // ------------------------------------------------------------------ sources

    /** A stream read from a {@link Source}; its type comes from the source when it knows it. */
    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
        TypeInformation<T> type = source instanceof ResultTypeQueryable<?> q ? cast(q.getProducedType()) : null;
        return fromSource(source, watermarkStrategy, sourceName, type);
    }

    public <T> DataStreamSource<T> fromSource(
            Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName, TypeInformation<T> typeInfo) {
        SourceTransformation<T> t = new SourceTransformation<>(sourceName, source, watermarkStrategy, typeInfo, Transformation.DEFAULT_PARALLELISM);
        return new DataStreamSource<>(this, t);
    }

    /** The numbers from {@code from} to {@code to} (both inclusive), read in parallel ranges. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence: the start " + from + " is larger than the end " + to);
        }
        return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source", Types.LONG);
    }

    /** A stream of the given elements, in order, from a single (non-parallel) source. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("fromElements needs at least one element (or use fromData with a type)");
        }
        return fromCollection(Arrays.asList(data));
    }

    /** A stream of the given elements of type {@code type}, in order, from a single source. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... data) {
        return fromCollection(Arrays.asList(data), TypeInformation.of(type));
    }

    /** Flink 2's name for {@link #fromElements}. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... data) {
        return fromElements(data);
    }

    public <T> DataStreamSource<T> fromData(Collection<T> data, TypeInformation<T> typeInfo) {
        return fromCollection(data, typeInfo);
    }

    public <T> DataStreamSource<T> fromData(Collection<T> data) {
        return fromCollection(data);
    }

    /** A stream of the collection's elements, in order; the type is taken from the first element's value. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("fromCollection needs at least one element to know the type; use fromCollection(data, typeInfo)");
        }
        // from the value, not its class, so that a tuple's field types are known (as Flink does)
        return fromCollection(data, TypeExtractor.getForObject(data.iterator().next()));
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> typeInfo) {
        FromElementsSource<T> source;
        try {
            source = new FromElementsSource<>(typeInfo, data);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize the elements with " + typeInfo + ": " + e.getMessage(), e);
        }
        DataStreamSource<T> stream = fromSource(source, WatermarkStrategy.noWatermarks(), "Collection Source", typeInfo);
        stream.setParallelism(1);
        return stream;
    }

    /** The lines of a text file, or of all files under a directory, read in parallel splits (UTF-8). */
    public DataStreamSource<String> readTextFile(String filePath) {
        return readFile(new TextInputFormat(new Path(filePath)), filePath);
    }

    /** Flink 2's legacy text input: the lines of {@code filePath} read with {@code format}. */
    public DataStreamSource<String> readFile(TextInputFormat format, String filePath) {
        format.setFilePath(filePath);
        return fromSource(new TextLineSource(format), WatermarkStrategy.noWatermarks(), "File Source: " + filePath, Types.STRING);
    }

    // ------------------------------------------------------------------ execution

    /** Runs the job defined so far and waits for its end. */
    public JobExecutionResult execute() throws Exception {
        return execute("Millrace Streaming Job");
    }

    /** Runs the job defined so far under {@code jobName} and waits for its end; throws {@link JobExecutionException} if it fails. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobExecutionException j) {
                throw new JobExecutionException(j.getJobID(), j.getMessage(), j.getCause());
            }
            throw e;
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync("Millrace Streaming Job");
    }

    /** Submits the job defined so far and returns at once. The defined operators are cleared. */
    public JobClient executeAsync(String jobName) throws Exception {
        StreamGraph streamGraph = getStreamGraph(jobName);
        Configuration conf = new Configuration(configuration);
        JobGraph jobGraph = JobGraphGenerator.generate(streamGraph, JobID.generate(), conf);
        userJars.forEach(jobGraph::addUserJar);
        if ((conf.get(TARGET).equals("local") || conf.get(TARGET).equals("process")) && !conf.contains(SLOTS)) {
            // like Flink's local executor: size the embedded cluster for this job
            int tms = conf.get(TASK_MANAGERS);
            int slots = (jobGraph.getMaximumParallelism() + tms - 1) / tms;
            conf.set(SLOTS, Math.max(1, slots));
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClusterClient cluster = Deployers.forTarget(conf.get(TARGET), loader).deploy(conf);
        JobID jobId;
        try {
            jobId = cluster.submitJob(jobGraph).get();
        } catch (ExecutionException e) {
            cluster.close();
            throw new JobExecutionException(jobGraph.getJobId(), "Could not submit job '" + jobName + "': " + e.getCause().getMessage(), e.getCause());
        }
        if (context != null) {
            if (context.getSubmissionListener() != null) {
                context.getSubmissionListener().onJobSubmitted(jobId, jobName, cluster.getJobManagerAddress().orElse(null));
            }
            if (context.getStatusListener() != null) {
                cluster.addJobStatusListener(jobId, context.getStatusListener());
            }
        }
        return new ClusterJobClient(cluster, jobId, true);
    }

    /** Builds the stream graph of what was defined so far, and clears it. */
    public StreamGraph getStreamGraph(String jobName) {
        StreamGraph g = StreamGraphGenerator.generate(jobName, new ArrayList<>(sinks), configuration, parallelism, maxParallelism);
        sinks.clear();
        return g;
    }

    /** Registers a sink (or any terminal transformation) of the job. */
    void addSink(Transformation<?> sink) {
        sinks.add(sink);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

}
