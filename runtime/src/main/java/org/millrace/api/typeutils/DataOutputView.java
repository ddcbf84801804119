package org.millrace.api.typeutils;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The target a {@link TypeSerializer} writes to: a {@link DataOutput} (big-endian, Java's
 * modified UTF-8 left aside) with a bulk copy from an input view. The engine has one hot-path
 * implementation (a reusable growable byte array), so calls stay monomorphic on the record path.
 */
public interface DataOutputView extends DataOutput {

    /** Copies {@code numBytes} bytes from {@code source} to this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}
