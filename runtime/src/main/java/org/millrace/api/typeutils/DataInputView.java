package org.millrace.api.typeutils;

import java.io.DataInput;
import java.io.IOException;

/**
 * The source a {@link TypeSerializer} reads from: a {@link DataInput} that can also skip bytes
 * exactly (unlike {@link DataInput#skipBytes}, which may skip fewer).
 */
public interface DataInputView extends DataInput {

    /** Skips exactly {@code numBytes} bytes; throws {@link java.io.EOFException} if fewer remain. */
    void skipBytesToRead(int numBytes) throws IOException;
}
