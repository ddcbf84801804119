package org.millrace.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import org.millrace.api.fs.Path;
import org.millrace.configuration.Configuration;

/**
 * The file systems Millrace reads and writes (sources, sinks, checkpoints, HA storage), behind one
 * small interface. The runtime has the local file system ({@code file}, and paths without a
 * scheme); other schemes come from {@link FileSystemFactory} services on the class path: the
 * hdfs-checkpoint module provides {@code hdfs} and the other Hadoop-supported schemes.
 *
 * <p>Thread safety: a FileSystem instance is shared by all threads of the process (instances are
 * cached per scheme and authority) and must be thread-safe; the streams it opens are not.
 */
public abstract class FileSystem {

    /** What {@link #create} does when the file already exists. */
    public enum WriteMode {
        /** Fail with an {@link IOException} if the file exists. */
        NO_OVERWRITE,
        /** Replace an existing file. */
        OVERWRITE
    }

    /** The file system serving {@code uri}'s scheme and authority; no scheme means the local file system. */
    public static FileSystem get(URI uri) throws IOException {
        return FileSystemRegistry.INSTANCE.get(uri);
    }

    public static FileSystem getLocalFileSystem() {
        return LocalFileSystem.getSharedInstance();
    }

    /**
     * Hands the process configuration to all factories and drops cached file systems. Called once at
     * process start (client, JobManager, TaskManager); without it factories see an empty configuration.
     */
    public static void initialize(Configuration config) {
        FileSystemRegistry.INSTANCE.initialize(config);
    }

    /** The scheme and authority this file system serves, e.g. {@code file:///} or {@code hdfs://nn:8020/}. */
    public abstract URI getUri();

    /** True if all processes of a cluster see the same files (HDFS), false for the local disk. */
    public abstract boolean isDistributedFS();

    /** Throws {@link FileNotFoundException} if nothing exists at {@code path}. */
    public abstract FileStatus getFileStatus(Path path) throws IOException;

    /**
     * The entries of a directory (in name order), or the status of {@code path} alone if it is a
     * file. Throws {@link FileNotFoundException} if nothing exists there.
     */
    public abstract FileStatus[] listStatus(Path path) throws IOException;

    public boolean exists(Path path) throws IOException {
        try {
            getFileStatus(path);
            return true;
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    /** Opens a file for reading at offset 0. */
    public abstract FSDataInputStream open(Path path) throws IOException;

    /**
     * Creates a file (and missing parent directories) for writing. With {@link WriteMode#NO_OVERWRITE}
     * an existing file is an error ({@link java.nio.file.FileAlreadyExistsException}).
     */
    public abstract FSDataOutputStream create(Path path, WriteMode writeMode) throws IOException;

    /**
     * Deletes a file, or a directory ({@code recursive} must be true unless it is empty). Returns
     * false if nothing existed at {@code path}.
     */
    public abstract boolean delete(Path path, boolean recursive) throws IOException;

    /** Creates a directory and its missing parents; true if the directory exists afterwards. */
    public abstract boolean mkdirs(Path path) throws IOException;

    /** Moves {@code src} to {@code dst}; false if {@code src} does not exist or {@code dst} does. */
    public abstract boolean rename(Path src, Path dst) throws IOException;
}
