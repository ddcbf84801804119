package org.millrace.checkpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Completed checkpoints kept in the JobMaster's memory. JobMaster main thread only. */
public final class StandaloneCompletedCheckpointStore implements CompletedCheckpointStore {

    private final int maxRetained;
    private final ArrayDeque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    public StandaloneCompletedCheckpointStore(int maxRetained) {
        if (maxRetained < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be retained");
        }
        this.maxRetained = maxRetained;
    }

    @Override
    public List<CompletedCheckpoint> addCheckpoint(CompletedCheckpoint checkpoint) {
        checkpoints.addLast(checkpoint);
        List<CompletedCheckpoint> subsumed = new ArrayList<>();
        while (checkpoints.size() > maxRetained) {
            subsumed.add(checkpoints.removeFirst());
        }
        return subsumed;
    }

    @Override
    public CompletedCheckpoint getLatestCheckpoint() {
        return checkpoints.peekLast();
    }

    @Override
    public List<CompletedCheckpoint> getAllCheckpoints() {
        return List.copyOf(checkpoints);
    }
}
