package org.millrace.api.sink.file;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes each record's {@code toString()} followed by {@code '\n'}. UTF-8 (the default) is encoded
 * here char by char straight into the part file's buffer, so a record costs no allocation beyond
 * its {@code toString()}; other charsets go through {@link String#getBytes(Charset)}. Stateless
 * apart from the charset; called from the sink task's thread.
 *
 * @param <IN> the records written
 */
public final class SimpleStringEncoder<IN> implements Encoder<IN> {

    private static final long serialVersionUID = 1L;

    private final String charsetName;

    /** Resolved from {@link #charsetName} on creation and after deserialization (Charset is not serializable). */
    private transient Charset charset;

    private transient boolean utf8;

    /** UTF-8. */
    public SimpleStringEncoder() {
        this(StandardCharsets.UTF_8.name());
    }

    /** {@code charsetName} as {@link Charset#forName} takes it; fails early if it is unknown. */
    public SimpleStringEncoder(String charsetName) {
        this.charsetName = Objects.requireNonNull(charsetName, "charsetName");
        resolveCharset();
    }

    private void resolveCharset() {
        charset = Charset.forName(charsetName);
        utf8 = StandardCharsets.UTF_8.equals(charset);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        resolveCharset();
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        String line = String.valueOf(element);
        if (utf8) {
            writeUtf8(line, stream);
        } else {
            stream.write(line.getBytes(charset));
        }
        stream.write('\n');
    }

    /** Unpaired surrogates become '?', as {@link String#getBytes(Charset)} does. */
    private static void writeUtf8(String s, OutputStream out) throws IOException {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out.write(0xF0 | (cp >> 18));
                    out.write(0x80 | ((cp >> 12) & 0x3F));
                    out.write(0x80 | ((cp >> 6) & 0x3F));
                    out.write(0x80 | (cp & 0x3F));
                } else {
                    out.write('?');
                }
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
    }

    public String getCharsetName() {
        return charsetName;
    }

    @Override
    public String toString() {
        return "SimpleStringEncoder(" + charsetName + ")";
    }
}
