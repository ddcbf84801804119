package org.millrace.fs;

import org.millrace.api.fs.Path;

/** What a {@link FileSystem} knows about one file or directory. An immutable value. */
public final class FileStatus {

    private final Path path;
    private final boolean dir;
    private final long len;
    private final long blockSize;
    private final short replication;
    private final long modificationTime;
    private final long accessTime;

    /**
     * @param len length in bytes (0 for directories)
     * @param blockSize the file system's block size for this file (the length for local files)
     * @param modificationTime and {@code accessTime} in milliseconds since the epoch
     */
    public FileStatus(Path path, boolean dir, long len, long blockSize, short replication,
            long modificationTime, long accessTime) {
        this.path = path;
        this.dir = dir;
        this.len = len;
        this.blockSize = blockSize;
        this.replication = replication;
        this.modificationTime = modificationTime;
        this.accessTime = accessTime;
    }

    public Path getPath() {
        return path;
    }

    public boolean isDir() {
        return dir;
    }

    public long getLen() {
        return len;
    }

    public long getBlockSize() {
        return blockSize;
    }

    public short getReplication() {
        return replication;
    }

    public long getModificationTime() {
        return modificationTime;
    }

    public long getAccessTime() {
        return accessTime;
    }

    @Override
    public String toString() {
        return "FileStatus{" + path + (dir ? ", dir" : ", len=" + len) + ", modified=" + modificationTime + '}';
    }
}
