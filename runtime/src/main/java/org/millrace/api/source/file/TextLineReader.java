package org.millrace.api.source.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.ReaderOutput;
import org.millrace.api.source.SourceReader;
import org.millrace.fs.FSDataInputStream;

/**
 * Reads the lines of its {@link FileSourceSplit}s, one split after the other, through a large
 * reusable buffer. A line is the bytes up to a {@code '\n'} (or the end of the file), without a
 * trailing {@code '\r'}; it belongs to the split in which its first byte lies. Between
 * {@link #pollNext} calls the reader sits at the start of a line, whose offset is the split's
 * position in a snapshot.
 *
 * <p>Called only from the source task's thread.
 */
final class TextLineReader implements SourceReader<String, FileSourceSplit> {

    static final int DEFAULT_BUFFER_SIZE = 128 * 1024;

    static final int DEFAULT_MAX_LINES_PER_POLL = 4096;

    /** Also ends a poll, so that very long lines do not keep the task from its mailbox. */
    static final long MAX_BYTES_PER_POLL = 4L * 1024 * 1024;

    private final Charset charset;
    private final int maxLinesPerPoll;

    /** Bytes read from the file; [bufferPos, bufferLimit) are not consumed yet. */
    private final byte[] buffer;
    private int bufferPos;
    private int bufferLimit;

    /** Assembles a line that continues past the end of {@link #buffer}; grows as needed. */
    private byte[] lineBuffer = new byte[1024];

    /** Splits not started, in the order they were added. */
    private final ArrayDeque<FileSourceSplit> pending = new ArrayDeque<>();

    /** The split being read, or null between splits. */
    private FileSourceSplit split;

    /** The open file of {@link #split}; null if the split had nothing left to read. */
    private FSDataInputStream in;

    /** The end of {@link #split}'s range: a line starting here or later belongs to the next split. */
    private long splitEnd;

    /**
     * The file offset of {@code buffer[bufferPos]}: between polls, the start of the next line (or
     * the end of the file).
     */
    private long nextLineStart;

    TextLineReader(Charset charset, int bufferSize, int maxLinesPerPoll) {
        if (bufferSize < 1 || maxLinesPerPoll < 1) {
            throw new IllegalArgumentException("bufferSize and maxLinesPerPoll must be positive");
        }
        this.charset = charset;
        this.buffer = new byte[bufferSize];
        this.maxLinesPerPoll = maxLinesPerPoll;
    }

    @Override
    public void addSplits(List<FileSourceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
        int lines = 0;
        long pollEnd = -1;
        while (lines < maxLinesPerPoll) {
            if (split == null) {
                if (!openNextSplit()) {
                    return InputStatus.END_OF_INPUT;
                }
                pollEnd = -1;
            }
            if (pollEnd < 0) {
                pollEnd = nextLineStart + MAX_BYTES_PER_POLL;
            } else if (nextLineStart >= pollEnd) {
                break;
            }
            if (nextLineStart >= splitEnd || !readLine(output)) {
                closeSplit();
                continue;
            }
            lines++;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Takes the next pending split and positions the stream at its first line; false if none is left. */
    private boolean openNextSplit() throws IOException {
        FileSourceSplit next = pending.poll();
        if (next == null) {
            return false;
        }
        split = next;
        splitEnd = next.offset() + next.length();
        long position = next.readerPosition();
        nextLineStart = position;
        bufferPos = 0;
        bufferLimit = 0;
        if (position >= splitEnd) {
            return true;
        }
        in = next.path().getFileSystem().open(next.path());
        if (position > 0) {
            // The first line starting at or after the position follows the first '\n' at or after position - 1.
            in.seek(position - 1);
            nextLineStart = position - 1;
            skipPastNewline();
        }
        return true;
    }

    private void skipPastNewline() throws IOException {
        while (bufferPos < bufferLimit || fill()) {
            int newline = indexOfNewline(bufferPos, bufferLimit);
            if (newline >= 0) {
                nextLineStart += newline + 1 - bufferPos;
                bufferPos = newline + 1;
                return;
            }
            nextLineStart += bufferLimit - bufferPos;
            bufferPos = bufferLimit;
        }
    }

    /** Emits the line at {@link #nextLineStart}; false if the file ends there. */
    private boolean readLine(ReaderOutput<String> output) throws IOException {
        if (bufferPos == bufferLimit && !fill()) {
            return false;
        }
        int newline = indexOfNewline(bufferPos, bufferLimit);
        if (newline >= 0) {
            int length = newline - bufferPos;
            emit(output, buffer, bufferPos, length);
            nextLineStart += length + 1;
            bufferPos = newline + 1;
            return true;
        }
        // The line continues past the buffer: assemble it in lineBuffer.
        int lineLength = 0;
        do {
            lineLength = appendToLine(lineLength, bufferPos, bufferLimit);
            bufferPos = bufferLimit;
            if (!fill()) {
                // the file's last line, without a '\n'
                emit(output, lineBuffer, 0, lineLength);
                nextLineStart += lineLength;
                return true;
            }
            newline = indexOfNewline(0, bufferLimit);
        } while (newline < 0);
        lineLength = appendToLine(lineLength, 0, newline);
        emit(output, lineBuffer, 0, lineLength);
        nextLineStart += lineLength + 1;
        bufferPos = newline + 1;
        return true;
    }

    private int appendToLine(int lineLength, int from, int to) throws IOException {
        int chunk = to - from;
        if (lineLength + chunk > lineBuffer.length) {
            if (lineLength + chunk < 0) {
                throw new IOException("Line at offset " + nextLineStart + " of " + split.path() + " is longer than 2 GiB");
            }
            lineBuffer = Arrays.copyOf(lineBuffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * lineBuffer.length, lineLength + chunk)));
        }
        System.arraycopy(buffer, from, lineBuffer, lineLength, chunk);
        return lineLength + chunk;
    }

    private void emit(ReaderOutput<String> output, byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        output.collect(new String(bytes, offset, length, charset));
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Refills the buffer from the stream; false at the end of the file. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        bufferPos = 0;
        bufferLimit = n;
        return true;
    }

    private void closeSplit() throws IOException {
        split = null;
        FSDataInputStream stream = in;
        in = null;
        if (stream != null) {
            stream.close();
        }
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
        List<FileSourceSplit> remaining = new ArrayList<>(pending.size() + 1);
        if (split != null && nextLineStart < splitEnd) {
            remaining.add(split.updateWithReaderPosition(nextLineStart));
        }
        remaining.addAll(pending);
        return remaining;
    }

    @Override
    public void close() throws IOException {
        closeSplit();
    }
}
