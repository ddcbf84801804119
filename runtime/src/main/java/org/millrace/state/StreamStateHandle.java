package org.millrace.state;

import java.io.IOException;
import java.io.Serializable;

/**
 * A handle to the bytes of one written state stream (a file, or bytes kept in memory). It travels
 * from the task to the checkpoint coordinator and back to the restoring task, so it is
 * serializable and small. Immutable; any thread.
 */
public interface StreamStateHandle extends Serializable {

    /** Opens the bytes for reading, positioned at 0. */
    SeekableStateInputStream openInputStream() throws IOException;

    /** Size of the state in bytes. */
    long getStateSize();

    /** Deletes the bytes (when the checkpoint is subsumed or failed). */
    void discardState() throws IOException;
}
