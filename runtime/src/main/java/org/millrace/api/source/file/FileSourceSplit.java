package org.millrace.api.source.file;

import java.util.Objects;
import org.millrace.api.fs.Path;
import org.millrace.api.source.SourceSplit;

/**
 * A byte range [offset, offset + length) of one file, with the reader's position in it. The split
 * owns the records (lines) that start inside its range; the reader reads past the range's end to
 * finish its last record. The position is the byte offset where reading resumes: the first
 * record starting at or after it is the next one. An immutable value.
 */
public final class FileSourceSplit implements SourceSplit {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final Path filePath;
    private final long offset;
    private final long length;
    private final long readerPosition;

    /** A split not read yet: its position is its offset. */
    public FileSourceSplit(String id, Path filePath, long offset, long length) {
        this(id, filePath, offset, length, offset);
    }

    public FileSourceSplit(String id, Path filePath, long offset, long length, long readerPosition) {
        if (offset < 0 || length < 0 || readerPosition < offset) {
            throw new IllegalArgumentException("Invalid file split: offset=" + offset + ", length=" + length
                    + ", readerPosition=" + readerPosition);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.filePath = Objects.requireNonNull(filePath, "filePath");
        this.offset = offset;
        this.length = length;
        this.readerPosition = readerPosition;
    }

    @Override
    public String splitId() {
        return id;
    }

    public Path path() {
        return filePath;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    /** The byte offset where reading resumes (the offset for a split not started). */
    public long readerPosition() {
        return readerPosition;
    }

    /** This split with a new reader position. */
    public FileSourceSplit updateWithReaderPosition(long position) {
        return new FileSourceSplit(id, filePath, offset, length, position);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileSourceSplit)) {
            return false;
        }
        FileSourceSplit other = (FileSourceSplit) o;
        return id.equals(other.id) && filePath.equals(other.filePath) && offset == other.offset
                && length == other.length && readerPosition == other.readerPosition;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, filePath, offset, length, readerPosition);
    }

    @Override
    public String toString() {
        return "FileSourceSplit{" + id + ": " + filePath + " [" + offset + ", " + (offset + length) + ")"
                + (readerPosition != offset ? " at " + readerPosition : "") + "}";
    }
}
