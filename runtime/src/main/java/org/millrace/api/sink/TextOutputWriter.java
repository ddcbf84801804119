package org.millrace.api.sink;

import java.io.IOException;
import org.millrace.fs.FSDataOutputStream;

/**
 * Writes records as UTF-8 lines into a reusable buffer and hands full buffers to the file stream.
 * The encoding is done here, char by char, so a record costs no allocation beyond its
 * {@code toString()}. Called only from the sink task's thread.
 */
final class TextOutputWriter<IN> implements SinkWriter<IN> {

    static final int BUFFER_SIZE = 64 * 1024;

    /** The most bytes one UTF-16 char can take in UTF-8 (a surrogate pair takes 4 for 2 chars). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final FSDataOutputStream out;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int count;

    TextOutputWriter(FSDataOutputStream out) {
        this.out = out;
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        String line = String.valueOf(element);
        int length = line.length();
        if ((long) length * MAX_BYTES_PER_CHAR + 1 > buffer.length - count) {
            writeBuffer();
        }
        if ((long) length * MAX_BYTES_PER_CHAR + 1 <= buffer.length) {
            count = encode(line, 0, length, buffer, count);
        } else {
            writeLongLine(line);
        }
        buffer[count++] = '\n';
    }

    /** A line that may not fit the buffer: encoded in buffer-sized pieces, never splitting a surrogate pair. */
    private void writeLongLine(String line) throws IOException {
        int piece = (buffer.length - 1) / MAX_BYTES_PER_CHAR;
        int from = 0;
        while (from < line.length()) {
            int to = Math.min(line.length(), from + piece);
            if (to < line.length() && Character.isHighSurrogate(line.charAt(to - 1))) {
                to--;
            }
            if ((to - from) * MAX_BYTES_PER_CHAR + 1 > buffer.length - count) {
                writeBuffer();
            }
            count = encode(line, from, to, buffer, count);
            from = to;
        }
    }

    /** Encodes chars [from, to) of {@code s} as UTF-8 at {@code pos}; unpaired surrogates become '?' as in String.getBytes. */
    static int encode(String s, int from, int to, byte[] b, int pos) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[pos++] = (byte) c;
            } else if (c < 0x800) {
                b[pos++] = (byte) (0xC0 | (c >> 6));
                b[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[pos++] = (byte) (0xF0 | (cp >> 18));
                    b[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[pos++] = '?';
                }
            } else {
                b[pos++] = (byte) (0xE0 | (c >> 12));
                b[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    private void writeBuffer() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        writeBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writeBuffer();
        } finally {
            out.close();
        }
    }
}
