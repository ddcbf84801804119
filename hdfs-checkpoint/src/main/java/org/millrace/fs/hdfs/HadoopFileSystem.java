package org.millrace.fs.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.millrace.api.fs.Path;
import org.millrace.fs.FSDataInputStream;
import org.millrace.fs.FSDataOutputStream;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem;
import org.millrace.fs.UnsupportedFileSystemSchemeException;

/**
 * A Millrace {@link FileSystem} over one Hadoop {@link org.apache.hadoop.fs.FileSystem} instance:
 * {@code hdfs://} and every other scheme Hadoop serves ({@code viewfs}, {@code webhdfs}, ...). It
 * translates paths and statuses, and bends Hadoop's semantics to the SPI's where they differ
 * (rename never moves into an existing directory; an existing file in {@code NO_OVERWRITE} mode is
 * a {@link java.nio.file.FileAlreadyExistsException}).
 *
 * <p>Thread safety: shared by all threads of the process, like the Hadoop file system it wraps
 * (Hadoop's are thread-safe); it holds no mutable state of its own. The streams it opens belong
 * to the thread that opened them.
 */
public final class HadoopFileSystem extends FileSystem {

    private final org.apache.hadoop.fs.FileSystem fs;

    public HadoopFileSystem(org.apache.hadoop.fs.FileSystem fs) {
        this.fs = Objects.requireNonNull(fs, "fs");
    }

    /**
     * A file system over a new Hadoop file system instance for {@code fsUri}'s scheme and authority,
     * not Hadoop's cached one: Millrace's registry caches it, and Hadoop's cache (keyed without the
     * configuration) would keep handing out an instance made with an older configuration after
     * {@link FileSystem#initialize}. Hadoop closes it at JVM exit like its cached ones.
     *
     * @throws UnsupportedFileSystemSchemeException if Hadoop does not know the scheme either
     */
    public static HadoopFileSystem create(URI fsUri, org.apache.hadoop.conf.Configuration hadoopConfig) throws IOException {
        try {
            return new HadoopFileSystem(org.apache.hadoop.fs.FileSystem.newInstance(fsUri, hadoopConfig));
        } catch (UnsupportedFileSystemException e) {
            UnsupportedFileSystemSchemeException unsupported = new UnsupportedFileSystemSchemeException("No file system for scheme '"
                    + fsUri.getScheme() + "' (path " + fsUri + "): neither Millrace nor Hadoop knows it (" + e.getMessage()
                    + "). Put the jar of a Hadoop connector for it on the class path, or set fs." + fsUri.getScheme()
                    + ".impl with the " + HadoopConfigLoader.MILLRACE_PREFIX + " prefix in the Millrace configuration.");
            unsupported.initCause(e);
            throw unsupported;
        }
    }

    /** The wrapped Hadoop file system, for Hadoop-only operations (and its {@code getConf()}). */
    public org.apache.hadoop.fs.FileSystem getHadoopFileSystem() {
        return fs;
    }

    static org.apache.hadoop.fs.Path toHadoopPath(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }

    static Path toMillracePath(org.apache.hadoop.fs.Path path) {
        return new Path(path.toUri());
    }

    @Override
    public URI getUri() {
        return fs.getUri();
    }

    /** True except for Hadoop's views of the local disk (which Millrace's own {@code file} scheme normally serves). */
    @Override
    public boolean isDistributedFS() {
        return !(fs instanceof org.apache.hadoop.fs.LocalFileSystem || fs instanceof RawLocalFileSystem);
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return toStatus(fs.getFileStatus(toHadoopPath(path)));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        org.apache.hadoop.fs.FileStatus[] entries = fs.listStatus(toHadoopPath(path));
        FileStatus[] result = new FileStatus[entries.length];
        for (int i = 0; i < entries.length; i++) {
            result[i] = toStatus(entries[i]);
        }
        // HDFS lists in byte order of the UTF-8 names, other Hadoop file systems in no defined order.
        Arrays.sort(result, Comparator.comparing(status -> status.getPath().getName()));
        return result;
    }

    private static FileStatus toStatus(org.apache.hadoop.fs.FileStatus status) {
        return new FileStatus(toMillracePath(status.getPath()), status.isDirectory(), status.isDirectory() ? 0 : status.getLen(),
                status.getBlockSize(), status.getReplication(), status.getModificationTime(), status.getAccessTime());
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        return new HadoopDataInputStream(fs.open(toHadoopPath(path)));
    }

    /**
     * Creates {@code path} and its missing parents. On HDFS the NameNode checks "exists" and
     * creates in one step. Other Hadoop file systems may check only when the stream is closed
     * (WebHDFS creates the file when the upload ends), so for them {@code NO_OVERWRITE} also checks
     * up front, which is not atomic; the check at close is mapped to the same exception.
     */
    @Override
    public FSDataOutputStream create(Path path, WriteMode writeMode) throws IOException {
        org.apache.hadoop.fs.Path file = toHadoopPath(path);
        boolean overwrite = writeMode == WriteMode.OVERWRITE;
        try {
            if (!overwrite && !(fs instanceof DistributedFileSystem) && fs.exists(file)) {
                throw new org.apache.hadoop.fs.FileAlreadyExistsException(path.toString());
            }
            return new HadoopDataOutputStream(fs.create(file, overwrite), path, writeMode);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw alreadyExists(path, writeMode, e);
        }
    }

    static java.nio.file.FileAlreadyExistsException alreadyExists(Path path, WriteMode writeMode,
            org.apache.hadoop.fs.FileAlreadyExistsException cause) {
        java.nio.file.FileAlreadyExistsException mapped = new java.nio.file.FileAlreadyExistsException(path.toString(), null,
                writeMode == WriteMode.NO_OVERWRITE
                        ? "already exists, and existing files are not overwritten in NO_OVERWRITE mode"
                        : "exists and is a directory (" + cause.getMessage() + ")");
        mapped.initCause(cause);
        return mapped;
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        try {
            return fs.delete(toHadoopPath(path), recursive);
        } catch (PathIsNotEmptyDirectoryException e) {
            throw new IOException("Directory " + path + " is not empty; delete it with recursive = true", e);
        }
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        try {
            return fs.mkdirs(toHadoopPath(path));
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException | ParentNotDirectoryException e) {
            java.nio.file.FileAlreadyExistsException mapped = new java.nio.file.FileAlreadyExistsException(path.toString(), null,
                    "it or one of its parents exists and is not a directory");
            mapped.initCause(e);
            throw mapped;
        }
    }

    /**
     * Moves {@code src} to {@code dst}; false if {@code src} does not exist, {@code dst} does, or
     * {@code dst}'s parent directory does not. Hadoop's own rename would move {@code src} into an
     * existing directory {@code dst}; on HDFS the strict rename of {@link Options.Rename#NONE} refuses
     * that in one atomic NameNode call. Other Hadoop file systems check first, which is not atomic:
     * a {@code dst} created between the check and the move can still receive {@code src}.
     */
    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        org.apache.hadoop.fs.Path from = toHadoopPath(src);
        org.apache.hadoop.fs.Path to = toHadoopPath(dst);
        if (fs instanceof DistributedFileSystem dfs) {
            try {
                dfs.rename(from, to, Options.Rename.NONE);
                return true;
            } catch (FileNotFoundException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                // A file onto an existing directory (or the reverse) fails with a plain IOException,
                // checked before "exists"; the rename did nothing either way.
                if (fs.exists(to)) {
                    return false;
                }
                throw e;
            }
        }
        if (!fs.exists(from) || fs.exists(to)) {
            return false;
        }
        return fs.rename(from, to);
    }

    @Override
    public String toString() {
        return "HadoopFileSystem{" + fs.getUri() + ", " + fs.getClass().getSimpleName() + '}';
    }
}
