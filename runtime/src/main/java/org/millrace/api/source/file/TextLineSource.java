package org.millrace.api.source.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.millrace.api.fs.Path;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.fs.FileStatus;

/**
 * A bounded source of the lines of the text files a {@link TextInputFormat} describes
 * ({@code readTextFile}). Each file is cut into byte ranges; a line belongs to the range in which
 * it starts, so across all splits every line is read exactly once (Hadoop's rule: a split that
 * does not start at offset 0 begins after the first line break at or after its start, and a
 * reader finishes its last line past its range's end). Files are read through
 * {@link org.millrace.fs.FileSystem}, so any scheme with a file system works.
 *
 * <p>The split size adapts to the input: total size / parallelism, but at least
 * {@value #MIN_SPLIT_SIZE} bytes and at most the format's max split size. The files are listed once,
 * when the splits are created; the produced type is {@code String}.
 */
public final class TextLineSource implements Source<String, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    /** Splits are not made smaller than this to spread work over readers (unless the max split size is smaller). */
    static final long MIN_SPLIT_SIZE = 1024 * 1024;

    private final Path path;
    private final String charsetName;
    private final boolean nestedFileEnumeration;
    private final long maxSplitSize;

    /** Reads what {@code format} describes, as configured now (later changes to the format are not seen). */
    public TextLineSource(TextInputFormat format) {
        Objects.requireNonNull(format, "format");
        this.path = format.getFilePath();
        this.charsetName = format.getCharsetName();
        this.nestedFileEnumeration = format.getNestedFileEnumeration();
        this.maxSplitSize = format.getMaxSplitSize();
    }

    public Path getPath() {
        return path;
    }

    @Override
    public List<FileSourceSplit> createSplits(int parallelism) throws IOException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
        List<FileStatus> files = FileEnumerator.enumerate(path, nestedFileEnumeration);
        long total = 0;
        for (FileStatus file : files) {
            total += file.getLen();
        }
        long splitSize = Math.min(maxSplitSize, Math.max(MIN_SPLIT_SIZE, ceilDiv(total, parallelism)));
        List<FileSourceSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            long len = file.getLen();
            if (len == 0) {
                continue;
            }
            // equal parts instead of full splits plus a small remainder: a more even load
            long numParts = ceilDiv(len, splitSize);
            long partSize = ceilDiv(len, numParts);
            for (long start = 0; start < len; start += partSize) {
                long length = Math.min(partSize, len - start);
                splits.add(new FileSourceSplit(String.valueOf(splits.size()), file.getPath(), start, length));
            }
        }
        return splits;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    @Override
    public SourceReader<String, FileSourceSplit> createReader(SourceReaderContext context) {
        return new TextLineReader(Charset.forName(charsetName), TextLineReader.DEFAULT_BUFFER_SIZE,
                TextLineReader.DEFAULT_MAX_LINES_PER_POLL);
    }

    @Override
    public String toString() {
        return "TextLineSource(" + path + ", " + charsetName + ")";
    }
}
