package org.millrace.api.sink.file;

import java.io.IOException;
import java.io.OutputStream;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileSystem;

/**
 * The open part file of one bucket, under its hidden in-progress name: the buffered stream the
 * {@link Encoder} writes into, and the {@link PartFileInfo} the rolling policy sees. It ends either
 * closed and synced for commit ({@link #closeForCommit}), or discarded. Used by the sink task's
 * thread only.
 *
 * <p>{@link #flush()} and {@link #close()} are those of {@link OutputStream}, which do nothing:
 * they are what an encoder could call, and the file's life is the writer's business.
 */
final class InProgressPartFile<BucketID> extends OutputStream implements PartFileInfo<BucketID> {

    static final int BUFFER_SIZE = 64 * 1024;

    private final FileSystem fs;
    private final BucketID bucketId;
    private final Path inProgressPath;
    private final Path finalPath;
    private final long creationTime;
    private final FSDataOutputStream out;

    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int count;

    /** Bytes already handed to {@link #out}. */
    private long written;

    /** See {@link PartFileInfo#getLastUpdateTime()}; kept up to date by {@link #observe}. */
    private long lastUpdateTime;

    /** The size at the previous {@link #observe}. */
    private long observedSize;

    InProgressPartFile(FileSystem fs, BucketID bucketId, Path inProgressPath, Path finalPath, long creationTime)
            throws IOException {
        this.fs = fs;
        this.bucketId = bucketId;
        this.inProgressPath = inProgressPath;
        this.finalPath = finalPath;
        this.creationTime = creationTime;
        this.lastUpdateTime = creationTime;
        // NO_OVERWRITE: names are unique per writer instance, so an existing file means a bug, not a retry
        this.out = fs.create(inProgressPath, FileSystem.WriteMode.NO_OVERWRITE);
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buffer.length) {
            drain();
            out.write(b, off, len);
            written += len;
            return;
        }
        if (len > buffer.length - count) {
            drain();
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            written += count;
            count = 0;
        }
    }

    @Override
    public BucketID getBucketId() {
        return bucketId;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastUpdateTime() {
        return lastUpdateTime;
    }

    /** The writer's periodic look: a file that grew since the previous one counts as updated {@code now}. */
    void observe(long now) {
        long size = getSize();
        if (size != observedSize) {
            observedSize = size;
            lastUpdateTime = now;
        }
    }

    @Override
    public long getSize() {
        return written + count;
    }

    Path getInProgressPath() {
        return inProgressPath;
    }

    /**
     * Writes the buffer, syncs and closes the file: its data is durable before the committable
     * goes into a checkpoint, which is what lets the committer rename it after a crash.
     */
    FileSinkCommittable closeForCommit() throws IOException {
        try {
            drain();
            out.flush();
            out.sync();
        } finally {
            out.close();
        }
        return new FileSinkCommittable(inProgressPath, finalPath);
    }

    /**
     * Closes and deletes the file. Safe because an in-progress file is never part of a committable:
     * no checkpoint can refer to it.
     */
    void discard() throws IOException {
        try {
            out.close();
        } finally {
            fs.delete(inProgressPath, false);
        }
    }

    @Override
    public String toString() {
        return "InProgressPartFile{" + inProgressPath + ", " + getSize() + " bytes}";
    }
}
