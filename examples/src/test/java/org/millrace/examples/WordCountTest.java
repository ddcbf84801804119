package org.millrace.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.millrace.client.ExecutionContext;
import org.millrace.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WordCount on the embedded cluster gives exactly the running counts a plain Java loop computes
 * over the same input, at several parallelisms.
 */
class WordCountTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearContext() {
        ExecutionContext.install(null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void countsEveryWordExactly(int parallelism) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        List<String> lines = generateText(new Random(42 + parallelism), 3000);
        // spread over three files so that several splits are read in parallel
        for (int f = 0; f < 3; f++) {
            Files.write(input.resolve("part-" + f), lines.subList(f * 1000, (f + 1) * 1000), StandardCharsets.UTF_8);
        }
        Path output = dir.resolve("output");
        Configuration conf = new Configuration().setString("parallelism.default", Integer.toString(parallelism));
        ExecutionContext.install(new ExecutionContext(conf, List.of(), null, null));

        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString()});

        assertThat(sorted(readOutput(output))).isEqualTo(sorted(expectedRunningCounts(lines)));
    }

    @ParameterizedTest
    @ValueSource(ints = {4})
    void countsEveryWordExactlyAcrossTwoTaskManagersOverLoopbackSockets(int parallelism) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        List<String> lines = generateText(new Random(7), 3000);
        for (int f = 0; f < 3; f++) {
            Files.write(input.resolve("part-" + f), lines.subList(f * 1000, (f + 1) * 1000), StandardCharsets.UTF_8);
        }
        Path output = dir.resolve("output");
        Configuration conf = new Configuration()
                .setString("parallelism.default", Integer.toString(parallelism))
                .setString("local.number-taskmanager", "2")
                .setString("taskmanager.memory.network.size", "16 mb");
        ExecutionContext.install(new ExecutionContext(conf, List.of(), null, null));

        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString()});

        assertThat(sorted(readOutput(output))).isEqualTo(sorted(expectedRunningCounts(lines)));
    }

    /** The reference: lower-case, split on \W+, drop empties; one "word,n" line per occurrence n = 1..count. */
    private static List<String> expectedRunningCounts(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    long n = counts.merge(token, 1L, Long::sum);
                    out.add(token + "," + n);
                }
            }
        }
        return out;
    }

    private static List<String> generateText(Random random, int lines) {
        String[] words = {"Stream", "river", "mill", "race", "water", "Wheel", "grain", "stone", "flow", "élan", "naïve"};
        String[] separators = {" ", ", ", "; ", " -- ", "!", "? ", "\t", "  "};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int w = 0; w < n; w++) {
                sb.append(words[random.nextInt(words.length)]);
                if (random.nextInt(5) == 0) {
                    sb.append(random.nextInt(100));
                }
                sb.append(separators[random.nextInt(separators.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> readOutput(Path output) throws IOException {
        if (Files.isRegularFile(output)) {
            return Files.readAllLines(output);
        }
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path f : files.toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        return all;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
