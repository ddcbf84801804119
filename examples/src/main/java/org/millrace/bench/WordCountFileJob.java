package org.millrace.bench;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;

/** peer-bench "wordcount-file": read the words files, split on ' ', keyBy word, running sum, keep final counts. */
final class WordCountFileJob implements BenchJob {

    private final Path wordsDir;

    WordCountFileJob(Path wordsDir) {
        this.wordsDir = wordsDir;
    }

    @Override
    public void define(StreamExecutionEnvironment env, long records) {
        env.readTextFile(wordsDir.resolve("data").toString())
                .flatMap(new SplitOnSpace())
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0, Types.STRING)
                .sum(1)
                .flatMap(new ChecksumFunctions.FinalCounts())
                .returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
    }

    @Override
    public void verify(JobExecutionResult res, long records, Map<String, String> out) throws Exception {
        HashMap<String, Long> counts = res.getAccumulatorResult("final_counts");
        long updates = res.<Long>getAccumulatorResult("updates");
        Map<String, Long> expected = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(wordsDir.resolve("expected-counts.tsv"))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                long c = Long.parseLong(f[1]);
                if (c > 0) {
                    expected.put(f[0], c);
                }
            }
        }
        long total = 0;
        long sumSquares = 0;
        for (long c : counts.values()) {
            total += c;
            sumSquares += c * c;
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((x, y) -> y.getValue().equals(x.getValue())
                ? x.getKey().compareTo(y.getKey())
                : Long.compare(y.getValue(), x.getValue()));
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(wordsDir.resolve("millrace-counts.tsv")))) {
            for (Map.Entry<String, Long> e : sorted) {
                pw.println(e.getKey() + "\t" + e.getValue());
            }
        }
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(10, sorted.size()); i++) {
            top.append(i == 0 ? "" : ",").append(sorted.get(i).getKey()).append(':').append(sorted.get(i).getValue());
        }
        out.put("out_updates", Long.toString(updates));
        out.put("distinct_words", Integer.toString(counts.size()));
        out.put("total_words", Long.toString(total));
        out.put("sum_sq_counts", Long.toString(sumSquares));
        out.put("top10", top.toString());
        out.put("ok", Boolean.toString(counts.equals(expected) && updates == total));
    }

    /** Splits a line on single spaces into (word, 1). */
    static final class SplitOnSpace implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            int start = 0;
            int len = line.length();
            while (start < len) {
                int end = line.indexOf(' ', start);
                if (end < 0) {
                    end = len;
                }
                if (end > start) {
                    out.collect(Tuple2.of(line.substring(start, end), 1L));
                }
                start = end + 1;
            }
        }
    }
}
