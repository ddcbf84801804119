package org.millrace.api.source.file;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.millrace.api.fs.Path;

/**
 * Describes text input: a file, or a directory whose files are all read, split into lines at
 * {@code '\n'} (a {@code '\r'} before it is dropped) and decoded as UTF-8 (or another charset in
 * which {@code '\n'} and {@code '\r'} are single bytes). Files and directories whose names start
 * with '.' or '_' are skipped in directories (hidden files, {@code _SUCCESS} markers). Read by a
 * {@link TextLineSource}, in parallel: files are cut into byte ranges of at most
 * {@link #getMaxSplitSize()} bytes.
 *
 * <p>A mutable configuration object: set it up on the client before handing it to a source.
 */
public class TextInputFormat implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default upper bound of a split's length in bytes. */
    public static final long DEFAULT_MAX_SPLIT_SIZE = 32L * 1024 * 1024;

    private Path filePath;
    private String charsetName = StandardCharsets.UTF_8.name();
    private boolean nestedFileEnumeration = true;
    private long maxSplitSize = DEFAULT_MAX_SPLIT_SIZE;

    public TextInputFormat(Path filePath) {
        this.filePath = Objects.requireNonNull(filePath, "filePath");
    }

    public Path getFilePath() {
        return filePath;
    }

    public void setFilePath(Path filePath) {
        this.filePath = Objects.requireNonNull(filePath, "filePath");
    }

    public void setFilePath(String filePath) {
        setFilePath(new Path(filePath));
    }

    public String getCharsetName() {
        return charsetName;
    }

    /** Sets the charset; it must encode {@code '\n'} and {@code '\r'} as the single bytes 0x0A and 0x0D. */
    public void setCharsetName(String charsetName) {
        Charset charset = Charset.forName(charsetName);
        byte[] newline = "\n\r".getBytes(charset);
        if (newline.length != 2 || newline[0] != '\n' || newline[1] != '\r') {
            throw new IllegalArgumentException("Charset " + charsetName + " does not encode '\\n' and '\\r' as single bytes;"
                    + " text input splits lines on those bytes");
        }
        this.charsetName = charset.name();
    }

    /** Whether directories inside a given directory are read too (default true). */
    public boolean getNestedFileEnumeration() {
        return nestedFileEnumeration;
    }

    public void setNestedFileEnumeration(boolean nestedFileEnumeration) {
        this.nestedFileEnumeration = nestedFileEnumeration;
    }

    public long getMaxSplitSize() {
        return maxSplitSize;
    }

    /** Bounds a split's length in bytes (default 32 MiB); smaller splits spread a file over more readers. */
    public void setMaxSplitSize(long maxSplitSize) {
        if (maxSplitSize < 1) {
            throw new IllegalArgumentException("max split size must be positive, got " + maxSplitSize);
        }
        this.maxSplitSize = maxSplitSize;
    }

    @Override
    public String toString() {
        return "TextInputFormat (" + filePath + ") - " + charsetName;
    }
}
