package org.millrace.examples;

import org.millrace.api.DataStream;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.api.functions.FlatMapFunction;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;

/**
 * Counts words: lower-cases each line, splits it on non-word characters ({@code \W+}), drops empty
 * tokens and keeps a running count per word, emitting {@code word,count} for every occurrence (the
 * last line of a word carries its total, as in Flink's streaming WordCount).
 *
 * <p>Arguments: {@code --input PATH} (a file or a directory of files; without it a built-in text is
 * counted) and {@code --output PATH} (a file at parallelism 1, else a directory of one file per
 * subtask; without it the counts are printed).
 */
public final class WordCount {

    private WordCount() {}

    public static void main(String[] args) throws Exception {
        String input = option(args, "--input");
        String output = option(args, "--output");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<String> lines = input == null ? env.fromElements(BuiltInText.LINES) : env.readTextFile(input);

        DataStream<String> counts = lines
                .flatMap(new Tokenizer())
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("Tokenizer")
                .keyBy(pair -> pair.f0, Types.STRING)
                .sum(1)
                .name("Count")
                .map(pair -> pair.f0 + "," + pair.f1)
                .name("Format");

        if (output == null) {
            counts.print();
        } else {
            counts.writeAsText(output);
        }
        env.execute("WordCount");
    }

    /** Lower-cases a line and splits it into (word, 1) pairs on runs of non-word characters. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(Tuple2.of(token, 1L));
                }
            }
        }
    }

    static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
