package org.millrace.state;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream a snapshot writes its state to. Closing it with {@link #closeAndGetHandle()} makes the
 * bytes durable and returns the handle to them; plain {@link #close()} abandons and deletes them
 * (the snapshot failed). Used by one thread: the asynchronous snapshot thread.
 */
public abstract class CheckpointOutputStream extends OutputStream {

    /** The number of bytes written so far: the position the next byte lands at. */
    public abstract long getPos() throws IOException;

    /** Finishes the stream and returns the handle to its bytes. */
    public abstract StreamStateHandle closeAndGetHandle() throws IOException;
}
