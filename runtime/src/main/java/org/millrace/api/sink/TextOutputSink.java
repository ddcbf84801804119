package org.millrace.api.sink;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Objects;
import org.millrace.api.fs.Path;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem;
import org.millrace.fs.FileSystem.WriteMode;

/**
 * Writes each record's {@code toString()} as a UTF-8 line ({@code writeAsText}). With parallelism 1
 * the path is the file written; with parallelism n > 1 it is a directory holding one file per
 * subtask, named "1" to "n". {@link WriteMode#NO_OVERWRITE} fails if a file to be written (or, with
 * parallelism 1, anything at the path) exists; {@link WriteMode#OVERWRITE} replaces it. Written
 * through {@link FileSystem}, so any scheme with a file system works.
 *
 * <p>Each subtask prepares its own target when its writer is created; there is no job-wide step.
 * In directory mode, subtask 1 removes the numbered files above n left by an earlier run with a
 * higher parallelism (OVERWRITE only).
 */
public final class TextOutputSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final Path path;
    private final WriteMode writeMode;

    public TextOutputSink(Path path, WriteMode writeMode) {
        this.path = Objects.requireNonNull(path, "path");
        this.writeMode = Objects.requireNonNull(writeMode, "writeMode");
    }

    public Path getPath() {
        return path;
    }

    public WriteMode getWriteMode() {
        return writeMode;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        FileSystem fs = path.getFileSystem();
        Path file = context.getParallelism() == 1
                ? prepareFile(fs)
                : prepareDirectory(fs, context.getIndexOfSubtask(), context.getParallelism());
        return new TextOutputWriter<>(fs.create(file, writeMode));
    }

    private Path prepareFile(FileSystem fs) throws IOException {
        if (fs.exists(path)) {
            if (writeMode == WriteMode.NO_OVERWRITE) {
                throw alreadyExists(path);
            }
            fs.delete(path, true);
        }
        return path;
    }

    private Path prepareDirectory(FileSystem fs, int subtaskIndex, int parallelism) throws IOException {
        FileStatus status = statusOrNull(fs, path);
        if (status != null && !status.isDir()) {
            if (writeMode == WriteMode.NO_OVERWRITE) {
                throw alreadyExists(path);
            }
            // Every subtask sees the file and tries to delete it; only one succeeds, which is fine.
            fs.delete(path, false);
        }
        fs.mkdirs(path);
        Path file = new Path(path, String.valueOf(subtaskIndex + 1));
        if (writeMode == WriteMode.NO_OVERWRITE && fs.exists(file)) {
            throw alreadyExists(file);
        }
        if (writeMode == WriteMode.OVERWRITE && subtaskIndex == 0) {
            deleteStaleFiles(fs, parallelism);
        }
        return file;
    }

    /** Deletes files "n+1", "n+2", ... of an earlier run: names no subtask of this run writes, so no race. */
    private void deleteStaleFiles(FileSystem fs, int parallelism) throws IOException {
        for (FileStatus entry : fs.listStatus(path)) {
            String name = entry.getPath().getName();
            if (!entry.isDir() && isNumberAbove(name, parallelism)) {
                fs.delete(entry.getPath(), false);
            }
        }
    }

    /** True for a decimal number without leading zeros greater than {@code parallelism}. */
    private static boolean isNumberAbove(String name, int parallelism) {
        if (name.isEmpty() || name.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return name.length() > 10 || Long.parseLong(name) > parallelism;
    }

    private static FileStatus statusOrNull(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private IOException alreadyExists(Path existing) {
        return new FileAlreadyExistsException(existing.toString(), null, "the output path already exists."
                + " Existing files and directories are not overwritten in NO_OVERWRITE mode;"
                + " use WriteMode.OVERWRITE to replace them, or delete them first");
    }

    @Override
    public String toString() {
        return "TextOutputSink(" + path + ", " + writeMode + ")";
    }
}
