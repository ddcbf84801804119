package org.millrace.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the wordcount-file input exactly as peer-bench defines it, for machines where its
 * generator has not run: token t is word "w" + wordIndex(t), 10 per line separated by one space,
 * lines spread over {@code parts} files DIR/data/part-f holding lines [f*L/parts, (f+1)*L/parts),
 * plus DIR/expected-counts.tsv and DIR/params.
 */
final class WordsFiles {

    private WordsFiles() {}

    static void generate(Path dir, long lines, int parts) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        long[] counts = new long[BenchInput.VOCABULARY];
        byte[][] words = new byte[BenchInput.VOCABULARY][];
        for (int j = 0; j < words.length; j++) {
            words[j] = ("w" + j).getBytes(StandardCharsets.US_ASCII);
        }
        long token = 0;
        long bytes = 0;
        for (int f = 0; f < parts; f++) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data.resolve("part-" + f)), 1 << 20)) {
                for (long l = f * lines / parts; l < (f + 1) * lines / parts; l++) {
                    for (int w = 0; w < BenchInput.WORDS_PER_LINE; w++, token++) {
                        int j = BenchInput.wordIndex(token);
                        counts[j]++;
                        if (w > 0) {
                            out.write(' ');
                            bytes++;
                        }
                        out.write(words[j]);
                        bytes += words[j].length;
                    }
                    out.write('\n');
                    bytes++;
                }
            }
        }
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(dir.resolve("expected-counts.tsv")))) {
            for (int j = 0; j < counts.length; j++) {
                pw.println("w" + j + "\t" + counts[j]);
            }
        }
        Files.writeString(dir.resolve("params"), "lines=" + lines + " parts=" + parts + " words=" + token + " bytes=" + bytes + "\n");
    }

    /** The number of words recorded in DIR/params. */
    static long words(Path dir) throws IOException {
        for (String kv : Files.readString(dir.resolve("params")).trim().split(" ")) {
            if (kv.startsWith("words=")) {
                return Long.parseLong(kv.substring(6));
            }
        }
        throw new IOException("no words= in " + dir.resolve("params"));
    }
}
