package org.millrace.api.sink.file;

import java.util.Objects;

/**
 * What a {@link FileSink} writer keeps in a checkpoint: its name ({@code uuid}, subtask) and the
 * counter of its next part file. Correctness needs nothing more, because every part file is closed
 * at the checkpoint (no in-progress file outlives one) and a restored writer names its files with
 * a fresh uuid, so they never collide with an earlier attempt's. The state says which hidden files
 * are leftovers of the failed attempt: those of this uuid and subtask numbered from
 * {@code nextPartCounter} on were written after the checkpoint and never become visible; the
 * restored writer logs that, and a cleanup could delete exactly those. An immutable value.
 */
public final class FileSinkWriterState {

    private final String uuid;
    private final int subtaskIndex;
    private final long nextPartCounter;

    public FileSinkWriterState(String uuid, int subtaskIndex, long nextPartCounter) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.subtaskIndex = subtaskIndex;
        this.nextPartCounter = nextPartCounter;
    }

    public String getUuid() {
        return uuid;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    /** The counter the writer's next part file would have had: all files of the checkpoint are below it. */
    public long getNextPartCounter() {
        return nextPartCounter;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileSinkWriterState)) {
            return false;
        }
        FileSinkWriterState other = (FileSinkWriterState) o;
        return uuid.equals(other.uuid) && subtaskIndex == other.subtaskIndex && nextPartCounter == other.nextPartCounter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, subtaskIndex, nextPartCounter);
    }

    @Override
    public String toString() {
        return "FileSinkWriterState{" + uuid + "-" + subtaskIndex + ", nextPartCounter=" + nextPartCounter + "}";
    }
}
