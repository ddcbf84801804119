package org.millrace.fs;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream writing a new file of a {@link FileSystem}. Implementations need not buffer: writers
 * hand it large chunks. Not thread-safe: used by the one thread that created it.
 */
public abstract class FSDataOutputStream extends OutputStream {

    /** The number of bytes written so far (the file offset of the next byte). */
    public abstract long getPos() throws IOException;

    /** Hands buffered bytes to the file system; they may still be in its caches. */
    @Override
    public abstract void flush() throws IOException;

    /** Makes everything written so far durable (fsync, or the distributed file system's equivalent). */
    public abstract void sync() throws IOException;

    @Override
    public abstract void close() throws IOException;
}
