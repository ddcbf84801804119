package org.millrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.state.ValueState;
import org.millrace.api.state.ValueStateDescriptor;
import org.millrace.api.util.Collector;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.configuration.CheckpointingOptions;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.HeartbeatManagerOptions;
import org.millrace.configuration.LocalClusterOptions;
import org.millrace.configuration.RestartStrategyOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.configuration.MemorySize;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobGraphGenerator;
import org.millrace.jobmaster.JobStatus;
import org.millrace.resourcemanager.ResourceID;
import org.millrace.task.collect.CollectSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code -t process} cluster, started once for the class: two TaskManager child JVMs of two slots,
 * talking to the JobManager side in this JVM over loopback sockets. Verifying that a WordCount at
 * parallelism 4 is exact; that a TaskManager killed with SIGKILL mid-job is detected, fails the job
 * naming it, or with a fixed-delay restart strategy lets the job restart on the replacement process
 * and finish exact; and that the cluster runs the next job afterwards.
 */
class ProcessClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessClusterTest.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // short enough for a test, long enough for a machine busy with other builds (2 cores)
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
    private static final int PARALLELISM = 4;

    @TempDir
    static Path logDir;
    private static ProcessCluster cluster;
    private static ClusterClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = new Configuration()
                .set(LocalClusterOptions.NUM_TASK_MANAGERS, 2)
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 2)
                .set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.ofMebiBytes(384))
                .set(TaskManagerOptions.NETWORK_MEMORY_SIZE, MemorySize.ofMebiBytes(16))
                .set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, HEARTBEAT_INTERVAL)
                .set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT);
        long start = System.nanoTime();
        cluster = new ProcessCluster(configuration, logDir, repositoryRoot().resolve("conf/log4j2.xml"));
        cluster.start();
        client = new DispatcherClusterClient(cluster.getDispatcherGateway(), cluster);
        await().atMost(TIMEOUT).until(() -> cluster.getResourceManagerGateway().get().requestResourceOverview().get()
                .numberOfTaskManagers() == 2);
        LOG.info("Two TaskManager processes registered {} ms after the cluster started",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @AfterAll
    static void stopCluster() {
        if (client != null) {
            client.close();
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("conf/millrace.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    // ------------------------------------------------------------------------
    //  Jobs and their independent answers
    // ------------------------------------------------------------------------

    private static List<String> lines() {
        Random random = new Random(42);
        String[] vocabulary = {"mill", "race", "wheel", "water", "stone", "grain", "flour", "sluice", "weir", "leat"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                line.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 3 == 0 ? "  " : " ");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Map<String, Long> countWordsInPlainJava(List<String> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static final TypeInformation<Tuple2<String, Long>> WORD_COUNT = Types.TUPLE(Types.STRING, Types.LONG);
    private static final TypeInformation<Tuple2<Long, Long>> KEY_SUM = Types.TUPLE(Types.LONG, Types.LONG);

    private record CollectingJob<T>(JobGraph graph, String accumulator, TypeInformation<T> type) {
        @SuppressWarnings("unchecked")
        List<T> results(JobResult result) throws java.io.IOException {
            List<byte[]> chunks = (List<byte[]>) result.accumulatorResults().get(accumulator);
            return chunks == null ? List.of() : CollectSink.deserializeAccumulatorResult(chunks, type.createSerializer());
        }
    }

    private static CollectingJob<Tuple2<String, Long>> wordCount(List<String> lines) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        String accumulator = "collect-" + JobID.generate();
        env.fromData(lines, Types.STRING)
                .flatMap((String line, Collector<Tuple2<String, Long>> out) -> {
                    for (String word : line.split("\\s+")) {
                        if (!word.isEmpty()) {
                            out.collect(Tuple2.of(word, 1L));
                        }
                    }
                }, WORD_COUNT)
                .keyBy(t -> t.f0)
                .sum(1)
                .sinkTo(new CollectSink<>(WORD_COUNT, accumulator));
        JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("WordCount"), JobID.generate(), new Configuration());
        return new CollectingJob<>(graph, accumulator, WORD_COUNT);
    }

    /** The running counts' last values: the final count of each word. */
    private static Map<String, Long> finalCounts(List<Tuple2<String, Long>> updates) {
        Map<String, Long> counts = new TreeMap<>();
        updates.forEach(t -> counts.merge(t.f0, t.f1, Math::max));
        return counts;
    }

    private static final long SLOW_RECORDS = 40_000;
    private static final int KEYS = 8;

    /**
     * Sums 0..SLOW_RECORDS-1 per key {@code i % KEYS} in keyed state, slowly (the source pauses 1 ms
     * every 8 records, a few seconds in all), so that a TaskManager dies while it runs. Without
     * checkpoints a restart starts from scratch; with them, from the latest one.
     */
    private static CollectingJob<Tuple2<Long, Long>> slowKeyedSums(Configuration jobConfiguration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        String accumulator = "collect-" + JobID.generate();
        env.fromSource(new DataGeneratorSource<>(i -> {
                    if (i % 8 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // throttles the job, not a wait
                    }
                    return Tuple2.of(i % KEYS, i);
                }, SLOW_RECORDS, KEY_SUM), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(t -> t.f0)
                .process(new SumInKeyedState(), KEY_SUM)
                .sinkTo(new CollectSink<>(KEY_SUM, accumulator));
        JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("slow sums"), JobID.generate(), jobConfiguration);
        return new CollectingJob<>(graph, accumulator, KEY_SUM);
    }

    /** Adds each record's value to its key's sum in a {@link ValueState} and emits the new sum. */
    private static final class SumInKeyedState extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<Long, Long> value, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long current = sum.value();
            long next = (current == null ? 0 : current) + value.f1;
            sum.update(next);
            out.collect(Tuple2.of(value.f0, next));
        }
    }

    private static Map<Long, Long> expectedKeyedSums() {
        Map<Long, Long> sums = new TreeMap<>();
        for (long i = 0; i < SLOW_RECORDS; i++) {
            sums.merge(i % KEYS, i, Long::sum);
        }
        return sums;
    }

    private static Map<Long, Long> finalSums(List<Tuple2<Long, Long>> updates) {
        Map<Long, Long> sums = new TreeMap<>();
        updates.forEach(t -> sums.merge(t.f0, t.f1, Math::max));
        return sums;
    }

    private static JobResult run(JobGraph job) throws Exception {
        JobID id = client.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return client.requestJobResult(id).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Submits the job, waits until all its subtasks run, and kills one TaskManager process with SIGKILL. */
    private static ResourceID submitAndKillATaskManager(JobGraph job) throws Exception {
        JobID id = client.submitJob(job).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> client.requestTaskIOMetrics(id).get().size() == 2 * PARALLELISM);
        Map.Entry<ResourceID, ProcessHandle> victim = oldestTaskManager();
        assertThat(victim.getValue().destroyForcibly()).isTrue(); // SIGKILL on Linux: no shutdown hook, no goodbye
        LOG.info("Killed TaskManager {} (pid {})", victim.getKey(), victim.getValue().pid());
        return victim.getKey();
    }

    /**
     * The TaskManager process that has run longest: killing a replacement just after its start would
     * count, for the driver, as a failed start (it stops replacing after three in a row).
     */
    private static Map.Entry<ResourceID, ProcessHandle> oldestTaskManager() {
        return cluster.getResourceDriver().processes().entrySet().stream()
                .min(java.util.Comparator.comparing(e -> e.getValue().info().startInstant().orElse(java.time.Instant.MAX)))
                .orElseThrow();
    }

    private static String causeChain(Throwable t) {
        StringBuilder chain = new StringBuilder();
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            chain.append(t).append(" <- ");
        }
        return chain.toString();
    }

    private static void awaitTwoTaskManagers() {
        await().atMost(TIMEOUT).until(() -> cluster.getResourceManagerGateway().get().requestResourceOverview().get()
                .numberOfTaskManagers() == 2);
    }

    /** A jar holding {@code userjar.UserException}, a class this JVM's class path does not have. */
    private static Path jarWithUserException(Path dir) throws Exception {
        Path source = dir.resolve("userjar/UserException.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package userjar; public class UserException extends RuntimeException {"
                + " public UserException(String message) { super(message); } }");
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", dir.toString(), source.toString())).isZero();
        Path jar = dir.resolve("user.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("userjar/UserException.class"));
            out.write(Files.readAllBytes(dir.resolve("userjar/UserException.class")));
            out.closeEntry();
        }
        return jar;
    }

    /** Throws the user jar's exception, loaded through the job's class loader as user code would be. */
    private static final class ThrowUserException extends org.millrace.api.functions.RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws Exception {
            throw (RuntimeException) Class.forName("userjar.UserException", true, getRuntimeContext().getUserCodeClassLoader())
                    .getConstructor(String.class).newInstance("bad record " + value);
        }
    }

    // ------------------------------------------------------------------------
    //  Tests
    // ------------------------------------------------------------------------

    @Test
    void aFailureOfAClassOnlyTheJobsJarHasReachesTheClientReadably(@TempDir Path dir) throws Exception {
        Path jar = jarWithUserException(dir);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(7, 7).map(new ThrowUserException()).name("Validate")
                .sinkTo(new org.millrace.api.sink.DiscardingSink<>());
        JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("user failure"), JobID.generate(), new Configuration());
        job.addUserJar(jar.toUri());

        JobResult result = run(job);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.failureCause()).isInstanceOf(org.millrace.task.TaskFailureException.class)
                .hasMessage("Operator 'Validate' (subtask 1/1) failed: userjar.UserException: bad record 7");
        assertThat(result.failureCause().getCause()).isInstanceOf(org.millrace.rpc.SerializedThrowable.class)
                .hasToString("userjar.UserException: bad record 7");
        try (java.net.URLClassLoader userCode = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()})) {
            Throwable original = ((org.millrace.rpc.SerializedThrowable) result.failureCause().getCause()).deserializeError(userCode);
            assertThat(original.getClass().getName()).isEqualTo("userjar.UserException");
            assertThat(original).hasMessage("bad record 7");
        }
    }

    @Test
    void wordCountAtParallelism4OverTwoTaskManagerProcessesIsExact() throws Exception {
        List<String> lines = lines();
        CollectingJob<Tuple2<String, Long>> job = wordCount(lines);

        JobResult result = run(job.graph());

        assertThat(result.status()).as("%s", result.failureCause()).isEqualTo(JobStatus.FINISHED);
        assertThat(finalCounts(job.results(result))).isEqualTo(countWordsInPlainJava(lines));
    }

    @Test
    void aKilledTaskManagerFailsTheJobNamingItAndTheClusterRunsTheNextJob() throws Exception {
        awaitTwoTaskManagers();
        CollectingJob<Tuple2<Long, Long>> job = slowKeyedSums(new Configuration());

        long killedAt = System.nanoTime();
        ResourceID killed = submitAndKillATaskManager(job.graph());
        JobResult result = client.requestJobResult(job.graph().getJobId()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long detectedMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
        LOG.info("Job failed {} ms after TaskManager {} was killed: {}", detectedMillis, killed, causeChain(result.failureCause()));

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(causeChain(result.failureCause())).contains(killed.value());
        assertThat(Duration.ofMillis(detectedMillis)).isLessThan(HEARTBEAT_TIMEOUT.plus(Duration.ofSeconds(5)));

        // the replacement process registers, and the next job gets all its slots and finishes exact
        awaitTwoTaskManagers();
        assertThat(cluster.getResourceDriver().processes()).doesNotContainKey(killed).hasSize(2);
        List<String> lines = lines();
        CollectingJob<Tuple2<String, Long>> next = wordCount(lines);
        JobResult nextResult = run(next.graph());
        assertThat(nextResult.status()).as("%s", nextResult.failureCause()).isEqualTo(JobStatus.FINISHED);
        assertThat(finalCounts(next.results(nextResult))).isEqualTo(countWordsInPlainJava(lines));
    }

    @Test
    void withAFixedDelayRestartStrategyAJobRestartsOnTheReplacementTaskManagerAndFinishesExact() throws Exception {
        awaitTwoTaskManagers();
        Configuration jobConfiguration = new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3)
                .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(500));
        CollectingJob<Tuple2<Long, Long>> job = slowKeyedSums(jobConfiguration);

        ResourceID killed = submitAndKillATaskManager(job.graph());
        JobResult result = client.requestJobResult(job.graph().getJobId()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<JobStatus> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.addJobStatusListener(job.graph().getJobId(), (id, status, time, cause) -> statuses.add(status));

        assertThat(result.status()).as("%s", result.failureCause()).isEqualTo(JobStatus.FINISHED);
        assertThat(finalSums(job.results(result))).isEqualTo(expectedKeyedSums());
        await().atMost(TIMEOUT).until(() -> statuses.contains(JobStatus.FINISHED));
        assertThat(statuses).contains(JobStatus.RESTARTING);
        assertThat(cluster.getResourceDriver().processes()).doesNotContainKey(killed).hasSize(2);
    }

    @Test
    void withCheckpointsAJobWhoseTaskManagerIsKilledResumesFromTheLatestCheckpointAndFinishesExact(@TempDir Path checkpoints)
            throws Exception {
        awaitTwoTaskManagers();
        Configuration jobConfiguration = new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3)
                .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(500))
                .set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300))
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        CollectingJob<Tuple2<Long, Long>> job = slowKeyedSums(jobConfiguration);
        JobID id = client.submitJob(job.graph()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // a checkpoint exists once its _metadata file does
        await().atMost(TIMEOUT).until(() -> {
            try (var files = Files.walk(checkpoints)) {
                return files.anyMatch(f -> f.getFileName().toString().equals("_metadata"));
            }
        });

        oldestTaskManager().getValue().destroyForcibly();
        JobResult result = client.requestJobResult(id).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // state written by the killed process is read by the replacement: sums neither lost nor counted twice
        assertThat(result.status()).as("%s", result.failureCause()).isEqualTo(JobStatus.FINISHED);
        assertThat(finalSums(job.results(result))).isEqualTo(expectedKeyedSums());
    }

    @Test
    void theCommittedOutputIsExactlyOnceWhenATaskManagerIsKilledMidRun(@TempDir Path dir) throws Exception {
        awaitTwoTaskManagers();
        Configuration jobConfiguration = new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3)
                .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(500))
                .set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300))
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        String output = dir.resolve("sums").toUri().toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
        env.fromSource(new DataGeneratorSource<>(i -> {
                    if (i % 8 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // throttles the job, not a wait
                    }
                    return Tuple2.of(i % KEYS, 1L); // summing ones: a running count, whatever the arrival order
                }, SLOW_RECORDS, KEY_SUM), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(t -> t.f0)
                .process(new SumInKeyedState(), KEY_SUM)
                .map(t -> t.f0 + "," + t.f1).returns(Types.STRING)
                .sinkTo(org.millrace.api.sink.file.FileSink.forRowFormat(new org.millrace.api.fs.Path(output),
                        new org.millrace.api.sink.file.SimpleStringEncoder<String>()).build());
        JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("exactly-once sums"), JobID.generate(), jobConfiguration);
        JobID id = client.submitJob(graph).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> !org.millrace.api.sink.file.FileSink
                .listCommittedFiles(new org.millrace.api.fs.Path(output)).isEmpty());

        oldestTaskManager().getValue().destroyForcibly(); // SIGKILL
        JobResult result = client.requestJobResult(id).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.status()).as("%s", result.failureCause()).isEqualTo(JobStatus.FINISHED);
        Map<String, Integer> committed = new java.util.HashMap<>();
        for (org.millrace.api.fs.Path file : org.millrace.api.sink.file.FileSink.listCommittedFiles(new org.millrace.api.fs.Path(output))) {
            for (String line : Files.readAllLines(Path.of(file.toUri()))) {
                committed.merge(line, 1, Integer::sum);
            }
        }
        // the reference: every running count of every key, once (a plain loop over the same input)
        Map<String, Integer> expected = new java.util.HashMap<>();
        Map<Long, Long> counts = new TreeMap<>();
        for (long i = 0; i < SLOW_RECORDS; i++) {
            long count = counts.merge(i % KEYS, 1L, Long::sum);
            expected.put((i % KEYS) + "," + count, 1);
        }
        long lost = expected.keySet().stream().filter(k -> !committed.containsKey(k)).count();
        long duplicated = committed.entrySet().stream()
                .mapToLong(e -> expected.containsKey(e.getKey()) ? e.getValue() - 1 : e.getValue()).sum();
        LOG.info("exactly-once after SIGKILL: {} lines committed, lost {}, duplicated {}", committed.size(), lost, duplicated);
        assertThat(lost).as("lost").isZero();
        assertThat(duplicated).as("duplicated").isZero();
    }
}
