import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.java.io.TextInputFormat;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/** readFile(TextInputFormat, String), flatMap to Tuple2 with a TypeHint, keyBy, sum(1): running word counts. */
public class FileWordCountJob {

    /** The input: line i holds words w(i*j mod 17) for j = 0 .. i mod 9. */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < i % 9; j++) {
                sb.append("w").append((i * j) % 17).append(j % 2 == 0 ? " " : ", ");
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    public static List<String> run(int parallelism) throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("flink-wordcount");
        java.nio.file.Path file = dir.resolve("input.txt");
        Files.write(file, lines(), StandardCharsets.UTF_8);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        TextInputFormat format = new TextInputFormat(new Path(file.toString()));
        DataStream<String> counts = env.readFile(format, file.toString())
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split("[ ,]+")) {
                        if (!word.isEmpty()) {
                            out.collect(Tuple2.of(word, 1));
                        }
                    }
                })
                .returns(new TypeHint<Tuple2<String, Integer>>() {})
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "=" + t.f1)
                .returns(String.class);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = counts.executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
