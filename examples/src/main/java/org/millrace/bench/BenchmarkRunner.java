package org.millrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.JobID;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.cluster.ClusterClient;
import org.millrace.cluster.Deployers;
import org.millrace.cluster.JobResult;
import org.millrace.configuration.Configuration;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobGraphGenerator;

/**
 * Runs peer-bench jobs on the embedded cluster and prints one line per job in peer-bench's format
 * ({@code millrace job=... records=... seconds=... records_per_s=... ok=...} plus the job's
 * figures). As in peer-bench, {@code seconds} runs from submitting the job to an already started
 * cluster until its result is back.
 *
 * <p>Usage: {@code millrace-bench JOB... [--records N] [-p N] [--runs N] [--taskmanagers N] [--words-dir DIR]}
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {}

    private static final String JOBS = "stateless keyed-count keyed-count-rocksdb-ckpt window-agg wordcount-file";

    private static final Map<String, Long> DEFAULT_RECORDS = Map.of(
            "stateless", 200_000_000L,
            "keyed-count", 20_000_000L,
            "keyed-count-rocksdb-ckpt", 6_000_000L,
            "window-agg", 40_000_000L);

    public static void main(String[] args) throws Exception {
        List<String> jobs = new ArrayList<>();
        Long records = null;
        int parallelism = 2;
        int runs = 1;
        int taskManagers = 1;
        Path wordsDir = Paths.get("/tmp/peer-bench-words");
        long wordLines = 3_400_000L;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("-D") && args[i].indexOf('=') > 2) { // a configuration setting over the job's own
                settings.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
                continue;
            }
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[++i]);
                case "-p", "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--taskmanagers" -> taskManagers = Integer.parseInt(args[++i]);
                case "--words-dir" -> wordsDir = Paths.get(args[++i]);
                case "--word-lines" -> wordLines = Long.parseLong(args[++i]);
                default -> jobs.add(args[i]);
            }
        }
        if (jobs.isEmpty()) {
            System.err.println("usage: millrace-bench JOB... [--records N] [-p N] [--runs N] [--taskmanagers N] [--words-dir DIR] [-Dkey=value]");
            System.err.println("jobs: " + JOBS);
            System.exit(2);
        }
        boolean allOk = true;
        for (String name : jobs) {
            BenchJob job;
            long n;
            switch (name) {
                case "stateless" -> job = new StatelessJob();
                case "keyed-count" -> job = new KeyedCountJob();
                case "keyed-count-rocksdb-ckpt" -> job = new KeyedCountRocksDbCheckpointJob(Duration.ofSeconds(1));
                case "window-agg" -> job = new WindowAggJob(parallelism);
                case "wordcount-file" -> {
                    if (!Files.exists(wordsDir.resolve("params"))) {
                        System.err.println("# generating " + wordLines + " lines of words into " + wordsDir);
                        WordsFiles.generate(wordsDir, wordLines, 4);
                    }
                    job = new WordCountFileJob(wordsDir);
                }
                default -> {
                    System.err.println("unknown job '" + name + "'; jobs: " + JOBS);
                    System.exit(2);
                    return;
                }
            }
            n = name.equals("wordcount-file") ? WordsFiles.words(wordsDir)
                    : records != null ? records : DEFAULT_RECORDS.get(name);
            List<Map<String, String>> results = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                Map<String, String> figures = runOnce(name, job, n, parallelism, taskManagers, settings);
                System.out.println(line("millrace-run run=" + r, figures));
                results.add(figures);
            }
            results.sort((a, b) -> Double.compare(Double.parseDouble(a.get("seconds")), Double.parseDouble(b.get("seconds"))));
            Map<String, String> median = results.get(results.size() / 2);
            median.put("runs", Integer.toString(runs));
            System.out.println(line("millrace", median));
            allOk &= "true".equals(median.get("ok"));
        }
        System.exit(allOk ? 0 : 3);
    }

    private static Map<String, String> runOnce(String name, BenchJob job, long n, int p, int taskManagers,
            Map<String, String> settings) throws Exception {
        Path scratchDir = Files.createTempDirectory("millrace-bench-");
        try {
            return runOnce(name, job, n, p, taskManagers, settings, scratchDir);
        } finally {
            deleteRecursively(scratchDir);
        }
    }

    private static Map<String, String> runOnce(String name, BenchJob job, long n, int p, int taskManagers,
            Map<String, String> settings, Path scratchDir) throws Exception {
        Configuration conf = new Configuration()
                .setString("execution.target", "local")
                .setString("local.number-taskmanager", Integer.toString(taskManagers))
                .setString("taskmanager.numberOfTaskSlots", Integer.toString((p + taskManagers - 1) / taskManagers));
        job.configure(conf, scratchDir);
        settings.forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
        job.define(env, n);
        JobGraph jobGraph = JobGraphGenerator.generate(env.getStreamGraph(name), JobID.generate(), conf);
        Map<String, String> out = new LinkedHashMap<>();
        long clusterStart = System.nanoTime();
        try (ClusterClient cluster = Deployers.forTarget("local", BenchmarkRunner.class.getClassLoader()).deploy(conf)) {
            long t0 = System.nanoTime();
            JobID id = cluster.submitJob(jobGraph).get();
            JobResult result = cluster.requestJobResult(id).get();
            long t1 = System.nanoTime();
            if (!result.isSuccess()) {
                throw new IllegalStateException("job " + name + " ended " + result.status(), result.failureCause());
            }
            double seconds = (t1 - t0) / 1e9;
            out.put("job", name);
            out.put("records", Long.toString(n));
            out.put("seconds", format(seconds));
            out.put("records_per_s", Long.toString(Math.round(n / seconds)));
            out.put("net_runtime_s", format(result.netRuntimeMillis() / 1000.0));
            out.put("cluster_start_s", format((t0 - clusterStart) / 1e9));
            out.put("parallelism", Integer.toString(p));
            out.put("taskmanagers", Integer.toString(taskManagers));
            job.verify(new JobExecutionResult(id, result.netRuntimeMillis(), result.accumulatorResults(),
                    result.checkpointStats()), n, out);
        }
        out.put("vm_hwm_mb", Long.toString(vmHighWaterMarkMb()));
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String line(String prefix, Map<String, String> figures) {
        StringBuilder sb = new StringBuilder(prefix);
        figures.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static long vmHighWaterMarkMb() {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not on Linux: no figure
        }
        return -1;
    }
}
