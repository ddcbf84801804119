package org.millrace.api.sink.file;

import java.util.Objects;
import org.millrace.api.fs.Path;

/**
 * One pending part file of a {@link FileSink}: closed and synced under its hidden in-progress name,
 * and made visible by renaming it to its final name when its checkpoint completes. An immutable
 * value, stored in checkpoints by {@link FileSink#getCommittableSerializer()}.
 */
public final class FileSinkCommittable {

    private final Path pendingFile;
    private final Path finalFile;

    public FileSinkCommittable(Path pendingFile, Path finalFile) {
        this.pendingFile = Objects.requireNonNull(pendingFile, "pendingFile");
        this.finalFile = Objects.requireNonNull(finalFile, "finalFile");
    }

    /** The hidden file holding the data until the commit. */
    public Path getPendingFile() {
        return pendingFile;
    }

    /** The visible name the commit gives it. */
    public Path getFinalFile() {
        return finalFile;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSinkCommittable && pendingFile.equals(((FileSinkCommittable) o).pendingFile)
                && finalFile.equals(((FileSinkCommittable) o).finalFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pendingFile, finalFile);
    }

    @Override
    public String toString() {
        return "FileSinkCommittable{" + pendingFile + " -> " + finalFile.getName() + "}";
    }
}
