package org.millrace.state;

import java.io.IOException;
import java.io.InputStream;

/** An input stream over written state that can jump to an absolute position. Used by one thread. */
public abstract class SeekableStateInputStream extends InputStream {

    /** Moves to absolute position {@code position}. */
    public abstract void seek(long position) throws IOException;

    public abstract long getPos() throws IOException;
}
