package org.millrace.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileSystem;

/**
 * Writes each snapshot stream to a new file in a directory of any {@link FileSystem} (local disk,
 * HDFS). A stream that stays below {@code inlineThreshold} bytes becomes an inline
 * {@link ByteStreamStateHandle} instead, so tiny states (a source's position) cost no file. File
 * bytes are made durable ({@code sync}) before the handle is returned; a stream closed without
 * {@code closeAndGetHandle} deletes its file. Thread-safe; each stream belongs to one thread.
 */
public final class FileCheckpointStreamFactory implements CheckpointStreamFactory {

    /** Write chunk of the file streams; state writers hand over small pieces. */
    private static final int WRITE_BUFFER = 64 * 1024;

    private final Path directory;
    private final int inlineThreshold;
    /** Files shared between checkpoints, or null; see {@link #getSharedStateStreamFactory()}. */
    private final FileCheckpointStreamFactory sharedStateFactory;

    public FileCheckpointStreamFactory(Path directory, int inlineThreshold) {
        this(directory, inlineThreshold, null);
    }

    /**
     * @param sharedStateDirectory where {@link #getSharedStateStreamFactory()} writes (always whole
     *     files, never inline), or null for none
     */
    public FileCheckpointStreamFactory(Path directory, int inlineThreshold, Path sharedStateDirectory) {
        this.directory = directory;
        this.inlineThreshold = inlineThreshold;
        this.sharedStateFactory = sharedStateDirectory == null ? null
                : new FileCheckpointStreamFactory(sharedStateDirectory, -1, null);
    }

    /** Every stream to a file of a local directory (tests). */
    public FileCheckpointStreamFactory(java.nio.file.Path localDirectory) {
        this(new Path(localDirectory.toUri()), -1);
    }

    public Path getDirectory() {
        return directory;
    }

    @Override
    public CheckpointStreamFactory getSharedStateStreamFactory() {
        return sharedStateFactory;
    }

    @Override
    public CheckpointOutputStream createCheckpointOutputStream() {
        return new FileCheckpointOutputStream();
    }

    /** Buffers in memory; spills to a file once the buffer passes the inline threshold or fills. */
    private final class FileCheckpointOutputStream extends CheckpointOutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        private FSDataOutputStream file;
        private Path filePath;
        private long flushed;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
            if (buffer.size() >= WRITE_BUFFER) {
                spill();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            buffer.write(b, off, len);
            if (buffer.size() >= WRITE_BUFFER || (file == null && buffer.size() > inlineThreshold && inlineThreshold >= 0)) {
                spill();
            }
        }

        private void spill() throws IOException {
            if (file == null) {
                filePath = new Path(directory, "state-" + UUID.randomUUID());
                file = FileSystem.get(filePath.toUri()).create(filePath, FileSystem.WriteMode.NO_OVERWRITE);
            }
            buffer.writeTo(file);
            flushed += buffer.size();
            buffer.reset();
        }

        @Override
        public long getPos() {
            return flushed + buffer.size();
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            if (closed) {
                throw new IOException("stream already closed");
            }
            closed = true;
            if (file == null && buffer.size() <= inlineThreshold) {
                return new ByteStreamStateHandle("inline-" + UUID.randomUUID(), buffer.toByteArray());
            }
            spill();
            file.flush();
            file.sync();
            file.close();
            return new FileStateHandle(filePath, flushed);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (file != null) {
                try {
                    file.close();
                } finally {
                    FileSystem.get(filePath.toUri()).delete(filePath, false);
                }
            }
        }
    }
}
