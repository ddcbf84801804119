package org.millrace.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream reading a file of a {@link FileSystem} that can jump to any byte offset. Streams are
 * not thread-safe: each is used by the one thread that opened it (a source reader, a state restore).
 */
public abstract class FSDataInputStream extends InputStream {

    /** Moves to byte offset {@code desired} from the start of the file; the next read starts there. */
    public abstract void seek(long desired) throws IOException;

    /** The byte offset from the start of the file at which the next read starts. */
    public abstract long getPos() throws IOException;
}
