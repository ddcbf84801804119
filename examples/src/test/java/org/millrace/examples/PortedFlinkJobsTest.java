package org.millrace.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.millrace.cli.port.ApiTypeTable;
import org.millrace.client.ExecutionContext;
import org.millrace.configuration.Configuration;
import org.millrace.cli.port.SourceTreePorter;

/**
 * Jobs written against Apache Flink 2.x's DataStream API (test resources {@code flink-jobs/}) are
 * ported by the import rewriter, compiled unchanged otherwise, run on the embedded cluster at
 * parallelism 1 and 4, and give exactly the records plain Java loops compute from the same input
 * with Flink's documented semantics. Issue 6, point 4.
 */
class PortedFlinkJobsTest {

    @TempDir
    static Path dir;

    private static URLClassLoader jobs;

    /** The compiled jobs, handed to the embedded cluster as the job's "jar" (a class directory). */
    private static URI jobClasses;

    /** Every job in the resource tree with its reference; a job without a reference fails the test below. */
    private static final Map<String, IntFunction<List<String>>> REFERENCES = new LinkedHashMap<>();

    static {
        REFERENCES.put("SequenceTransformJob", p -> sequenceTransform());
        REFERENCES.put("PartitioningUnionJob", PortedFlinkJobsTest::partitioningUnion);
        REFERENCES.put("FileWordCountJob", p -> fileWordCount());
        REFERENCES.put("RollingAggregationsJob", p -> rollingAggregations());
        REFERENCES.put("MinByMaxByJob", p -> minByMaxBy());
        REFERENCES.put("PojoFieldAggregationsJob", p -> pojoFieldAggregations());
        REFERENCES.put("KeyedReduceJob", p -> keyedReduce());
        REFERENCES.put("ProcessSideOutputsJob", p -> processSideOutputs());
        REFERENCES.put("KeyedTimersValueStateJob", p -> keyedTimersValueState());
        REFERENCES.put("KeyedListMapStateJob", p -> keyedListMapState());
        REFERENCES.put("TumblingWindowReduceJob", p -> tumblingWindowReduce());
        REFERENCES.put("SlidingWindowAggregateJob", p -> slidingWindowAggregate());
        REFERENCES.put("SessionWindowProcessJob", p -> sessionWindowProcess());
        REFERENCES.put("TuplesAndTypesJob", p -> tuplesAndTypes());
        REFERENCES.put("RichFunctionsJob", PortedFlinkJobsTest::richFunctions);
        REFERENCES.put("ReducingAggregatingStateJob", p -> reducingAggregatingState());
        REFERENCES.put("SessionWindowAggregateJob", p -> sessionWindowAggregate());
        REFERENCES.put("PojoGettersSumJob", p -> pojoGettersSum());
        REFERENCES.put("LateDataWindowJob", p -> lateDataWindow());
        REFERENCES.put("CheckpointedRunningSumJob", p -> checkpointedRunningSum());
        REFERENCES.put("GlobalJobParametersJob", p -> globalJobParameters());
    }

    @BeforeAll
    static void portAndCompile() throws Exception {
        Path flinkSources = dir.resolve("flink");
        copyTree(Path.of(PortedFlinkJobsTest.class.getResource("/flink-jobs").toURI()), flinkSources);
        Path ported = dir.resolve("ported");

        SourceTreePorter.Report report = new SourceTreePorter(ApiTypeTable.load()).port(flinkSources, ported);

        assertThat(report.problems()).isEmpty();
        assertThat(report.javaFiles()).isEqualTo(REFERENCES.size());
        List<Path> sources;
        try (Stream<Path> files = Files.list(ported)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            assertThat(Files.readString(source)).doesNotContain("org.apache.flink");
        }
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("the ported jobs compile").isTrue();
        }
        jobClasses = classes.toUri();
        jobs = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PortedFlinkJobsTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (jobs != null) {
            jobs.close();
        }
    }

    static Stream<Arguments> jobsAndParallelisms() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(PortedFlinkJobsTest.class.getResource("/flink-jobs").toURI()))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
        }
        return names.stream().flatMap(n -> Stream.of(Arguments.of(n, 1), Arguments.of(n, 4)));
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @MethodSource("jobsAndParallelisms")
    void portedJobGivesTheReferenceAnswer(String job, int parallelism) throws Exception {
        assertThat(REFERENCES).as("a reference for " + job).containsKey(job);
        Method run = jobs.loadClass(job).getMethod("run", int.class);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jobs);
        // like bin/millrace run: the tasks load the job's classes from its "jar"
        ExecutionContext.install(new ExecutionContext(new Configuration(), List.of(jobClasses), null, null));
        List<String> actual;
        try {
            @SuppressWarnings("unchecked")
            List<String> result = (List<String>) run.invoke(null, parallelism);
            actual = result;
        } finally {
            ExecutionContext.install(null);
            thread.setContextClassLoader(previous);
        }
        assertThat(sorted(actual)).isEqualTo(sorted(REFERENCES.get(job).apply(parallelism)));
    }

    // ---- references: plain Java over the same input, with Flink's semantics ----

    private static List<String> sequenceTransform() {
        List<String> out = new ArrayList<>();
        for (long v = 1; v <= 3000; v++) {
            long x = v * 3;
            if (x % 2 == 0) {
                out.add("a:" + x);
                out.add("b:" + (x + 1));
            }
        }
        return out;
    }

    private static List<String> partitioningUnion(int parallelism) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add("s" + i);
            out.add("r" + (i * 2));
        }
        out.addAll(List.of("fx", "fy", "fz"));
        for (int i = 1; i <= 5; i++) {
            for (int copy = 0; copy < parallelism; copy++) {
                out.add("b" + i);
            }
        }
        return out;
    }

    private static List<String> fileWordCount() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            for (int j = 0; j < i % 9; j++) {
                String word = "w" + (i * j) % 17;
                out.add(word + "=" + counts.merge(word, 1, Integer::sum));
            }
        }
        return out;
    }

    private static String tuple(Object... fields) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ",").append(fields[i]);
        }
        return sb.append(')').toString();
    }

    private static List<String> rollingAggregations() {
        // per key: [first f1, first f2, running sum f1, running min f2, running max f2]
        Map<String, int[]> acc = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String key = "k" + (i % 7);
            int f1 = i % 13;
            int f2 = (i * 31) % 1000;
            int[] a = acc.get(key);
            if (a == null) {
                a = new int[] {f1, f2, f1, f2, f2};
                acc.put(key, a);
            } else {
                a[2] += f1;
                a[3] = Math.min(a[3], f2);
                a[4] = Math.max(a[4], f2);
            }
            out.add("sum " + tuple(key, a[2], a[1]));
            out.add("min " + tuple(key, a[0], a[3]));
            out.add("max " + tuple(key, a[0], a[4]));
        }
        return out;
    }

    private static List<String> minByMaxBy() {
        Map<String, int[]> min = new HashMap<>();
        Map<String, int[]> max = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String key = "k" + (i % 5);
            int[] record = {(i * 7) % 101, i};
            int[] lo = min.get(key);
            if (lo == null || record[0] < lo[0]) {
                min.put(key, lo = record);
            }
            int[] hi = max.get(key);
            if (hi == null || record[0] > hi[0]) {
                max.put(key, hi = record);
            }
            out.add("minBy " + tuple(key, lo[0], lo[1]));
            out.add("maxBy " + tuple(key, hi[0], hi[1]));
        }
        return out;
    }

    private static List<String> pojoFieldAggregations() {
        // per shop: [first seq, running sum, running max, minBy amount, minBy seq]
        Map<String, long[]> acc = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String shop = "shop" + (i % 6);
            long amount = (i * 37L) % 211;
            long[] a = acc.get(shop);
            if (a == null) {
                acc.put(shop, a = new long[] {i, amount, amount, amount, i});
            } else {
                a[1] += amount;
                a[2] = Math.max(a[2], amount);
                if (amount < a[3]) {
                    a[3] = amount;
                    a[4] = i;
                }
            }
            out.add("sum " + shop + "/" + a[1] + "/" + a[0]);
            out.add("max " + shop + "/" + a[2] + "/" + a[0]);
            out.add("minBy " + shop + "/" + a[3] + "/" + a[4]);
        }
        return out;
    }

    private static List<String> keyedReduce() {
        Map<Integer, Long> sums = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            int key = i % 11;
            out.add(key + ":" + sums.merge(key, (long) ((i * 13) % 97), Long::sum));
        }
        return out;
    }

    private static List<String> processSideOutputs() {
        List<String> out = new ArrayList<>();
        for (long v = 0; v < 3000; v++) {
            out.add((v % 2 == 0 ? "even " : "odd ") + v);
            if (v % 5 == 0) {
                out.add("five " + v / 5);
            }
        }
        return out;
    }

    private static List<String> keyedTimersValueState() {
        Map<Integer, long[]> countSum = new HashMap<>();
        Map<Integer, TreeSet<Long>> buckets = new HashMap<>();
        for (long v = 0; v < 4000; v++) {
            int key = (int) (v % 6);
            long[] cs = countSum.computeIfAbsent(key, k -> new long[2]);
            cs[0]++;
            cs[1] += v;
            long bucket = v * 3 / 1000;
            if (bucket % 4 != 0) {
                buckets.computeIfAbsent(key, k -> new TreeSet<>()).add(bucket);
            }
        }
        List<String> out = new ArrayList<>();
        buckets.forEach((key, set) -> {
            for (long bucket : set) {
                out.add(key + " event " + bucket + " " + countSum.get(key)[0] + " " + countSum.get(key)[1]);
            }
        });
        return out;
    }

    private static List<String> keyedListMapState() {
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, TreeMap<String, Integer>> categories = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String key = "user" + (i % 9);
            int value = (i * 17) % 53;
            out.add(key + " size " + sizes.merge(key, 1, Integer::sum));
            totals.merge(key, (long) value, Long::sum);
            String category = "c" + (value % 4);
            out.add(key + " " + category + " "
                    + categories.computeIfAbsent(key, k -> new TreeMap<>()).merge(category, 1, Integer::sum));
        }
        categories.forEach((key, counts) ->
                out.add(key + " total " + totals.get(key) + " " + counts + " " + counts.containsKey("c0")));
        return out;
    }

    private static List<String> tumblingWindowReduce() {
        // key -> window start -> [sum, max]
        Map<String, TreeMap<Long, long[]>> windows = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            long start = (7L * i) / 1000 * 1000;
            long[] w = windows.computeIfAbsent("k" + (i % 4), k -> new TreeMap<>()).computeIfAbsent(start, s -> new long[2]);
            w[0] += i;
            w[1] = Math.max(w[1], i);
        }
        List<String> out = new ArrayList<>();
        windows.forEach((key, byStart) -> byStart.forEach((start, w) -> {
            out.add("sum " + key + " " + w[0]);
            out.add("max " + key + " " + start + "-" + (start + 1000) + " " + w[1]);
        }));
        return out;
    }

    private static List<String> slidingWindowAggregate() {
        Map<Long, TreeMap<Long, long[]>> windows = new HashMap<>();
        for (long v = 0; v < 3000; v++) {
            long ts = v * 5;
            long lastStart = Math.floorDiv(ts, 500L) * 500;
            for (long start = lastStart; start > ts - 2000; start -= 500) {
                long[] w = windows.computeIfAbsent(v % 3, k -> new TreeMap<>()).computeIfAbsent(start, s -> new long[2]);
                w[0]++;
                w[1] += v;
            }
        }
        List<String> out = new ArrayList<>();
        windows.forEach((key, byStart) -> byStart.forEach((start, w) -> {
            out.add("agg " + w[0] + "/" + w[1]);
            out.add("win " + key + " " + start + " " + (start + 1999) + " " + w[0] + "/" + w[1]);
        }));
        return out;
    }

    private static List<String> sessionWindowProcess() {
        Map<String, TreeMap<Long, List<Long>>> byKey = new HashMap<>();
        for (long v = 0; v < 3200; v++) {
            long burst = v / 40;
            long ts = (burst + 1) * 1000 - (burst % 5 == 0 ? 950 : 0) + (v % 40) * 3;
            byKey.computeIfAbsent(v % 2 == 0 ? "even" : "odd", k -> new TreeMap<>())
                    .computeIfAbsent(ts, t -> new ArrayList<>()).add(v);
        }
        List<String> out = new ArrayList<>();
        byKey.forEach((key, timeline) -> {
            long start = -1;
            long last = -1;
            List<Long> session = new ArrayList<>();
            for (Map.Entry<Long, List<Long>> e : timeline.entrySet()) {
                if (!session.isEmpty() && e.getKey() - last > 100) {
                    out.add(session(key, start, last, session));
                    session.clear();
                }
                if (session.isEmpty()) {
                    start = e.getKey();
                }
                last = e.getKey();
                session.addAll(e.getValue());
            }
            out.add(session(key, start, last, session));
        });
        return out;
    }

    private static String session(String key, long start, long last, List<Long> values) {
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        return key + " " + start + " " + (last + 100) + " " + values.size() + " " + min + " " + max;
    }

    private static List<String> tuplesAndTypes() {
        List<String> out = new ArrayList<>();
        for (long v = 0; v < 1000; v++) {
            out.add("t5 " + v + " s" + v + " " + (v / 4.0) + " " + (v % 3 == 0) + " " + (v * 2));
        }
        for (long v = 1; v <= 300; v++) {
            List<Long> list = new ArrayList<>();
            for (long i = 0; i < v % 5; i++) {
                list.add(v * i);
            }
            out.add("list " + list);
            out.add("map " + v);
            out.add("t3 " + v + " " + (v % 7) + " x" + v + "0");
        }
        return out;
    }

    private static List<String> richFunctions(int parallelism) {
        List<String> out = new ArrayList<>();
        for (long v = 0; v < 2000; v++) {
            if (v % 3 != 0) {
                out.add("p" + parallelism + ":" + v + "#0");
                out.add("p" + parallelism + ":" + v + "#1");
            }
        }
        return out;
    }

    private static List<String> reducingAggregatingState() {
        List<String> out = new ArrayList<>();
        for (long key = 0; key < 8; key++) {
            long sumOfSquares = 0;
            long count = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (long v = key; v < 5000; v += 8) {
                sumOfSquares += v * v;
                count++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out.add(key + " " + sumOfSquares + " " + count + " [" + min + ", " + max + "]");
        }
        return out;
    }

    /** Each burst of 40 (1 s apart, 3 ms inside) holds one session per key: its 20 even or 20 odd values. */
    private static List<String> sessionWindowAggregate() {
        List<String> out = new ArrayList<>();
        for (long burst = 0; burst < 80; burst++) {
            for (long parity = 0; parity < 2; parity++) {
                long sum = 0;
                for (long v = burst * 40 + parity; v < burst * 40 + 40; v += 2) {
                    sum += v;
                }
                out.add("count 20");
                out.add("sum " + sum);
            }
        }
        return out;
    }

    private static List<String> pojoGettersSum() {
        List<String> out = new ArrayList<>();
        Map<String, Integer> sums = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            out.add("s" + (i % 3) + "=" + sums.merge("s" + (i % 3), i, Integer::sum));
        }
        return out;
    }

    /**
     * Tumbling 1 s windows with 500 ms allowed lateness over one ordered input with a watermark
     * (largest timestamp - 1) after each event that raises it: a window fires when the watermark
     * passes its end, again for each record that comes later but within the lateness, and is
     * purged when the watermark passes its end plus the lateness; records for purged windows go
     * to the late output.
     */
    private static List<String> lateDataWindow() {
        long size = 1000;
        long lateness = 500;
        Map<String, TreeMap<Long, long[]>> windows = new HashMap<>(); // key -> start -> [count, sum]
        Map<String, TreeSet<Long>> onTimePending = new HashMap<>();
        List<String> out = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long time = 0;
        for (int i = 0; i < 4000; i++) {
            time += (i * 7) % 23;
            long ts = i % 6 == 5 ? Math.max(0, time - (i * 37) % 2400) : time;
            String key = "k" + (i % 5);
            long start = ts - ts % size;
            long maxTs = start + size - 1;
            if (maxTs + lateness <= watermark) {
                out.add("late " + key + " " + ts);
            } else {
                long[] w = windows.computeIfAbsent(key, k -> new TreeMap<>()).get(start);
                if (w == null) {
                    w = new long[2];
                    windows.get(key).put(start, w);
                    if (maxTs > watermark) {
                        onTimePending.computeIfAbsent(key, k -> new TreeSet<>()).add(start);
                    }
                }
                w[0]++;
                w[1] += ts;
                if (maxTs <= watermark) {
                    out.add("window " + key + " " + start + " " + w[0] + " " + w[1]);
                }
            }
            if (ts - 1 > watermark) {
                watermark = ts - 1;
                advanceWatermark(watermark, size, lateness, windows, onTimePending, out);
            }
        }
        advanceWatermark(Long.MAX_VALUE, size, lateness, windows, onTimePending, out);
        return out;
    }

    private static void advanceWatermark(long watermark, long size, long lateness, Map<String, TreeMap<Long, long[]>> windows,
            Map<String, TreeSet<Long>> onTimePending, List<String> out) {
        windows.forEach((key, byStart) -> {
            TreeSet<Long> pending = onTimePending.getOrDefault(key, new TreeSet<>());
            for (Long start : new ArrayList<>(pending)) {
                if (start + size - 1 <= watermark) {
                    pending.remove(start);
                    long[] w = byStart.get(start);
                    out.add("window " + key + " " + start + " " + w[0] + " " + w[1]);
                }
            }
            byStart.keySet().removeIf(start -> start + size - 1 + lateness <= watermark);
        });
    }

    private static List<String> checkpointedRunningSum() {
        Map<Integer, Long> sums = new HashMap<>();
        Map<Integer, Long> maxima = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int key = i % 17;
            long v = (i * 29) % 101;
            out.add("sum " + key + " " + sums.merge(key, v, Long::sum));
            out.add("max " + key + " " + maxima.merge(key, v, Math::max));
        }
        return out;
    }

    private static List<String> globalJobParameters() {
        List<String> out = new ArrayList<>();
        for (long v = 1; v <= 2000; v++) {
            if (v % 7 == 0) {
                out.add("v, x: " + v);
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
