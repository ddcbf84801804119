package org.millrace.checkpoint;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.millrace.state.KeyedStateHandle;

/**
 * The state of one operator in one subtask at one checkpoint: handles to its keyed state (written
 * by its state backend) and its named operator lists. Immutable.
 */
public record OperatorSubtaskState(List<KeyedStateHandle> keyedState, Map<String, OperatorListState> listStates)
        implements Serializable {

    public static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(List.of(), Map.of());

    public OperatorSubtaskState {
        keyedState = List.copyOf(keyedState);
        listStates = Map.copyOf(listStates);
    }

    public long stateSize() {
        long size = 0;
        for (KeyedStateHandle h : keyedState) {
            size += h.getStateSize();
        }
        for (OperatorListState l : listStates.values()) {
            size += l.sizeInBytes();
        }
        return size;
    }

    /** Bytes written for this checkpoint: {@link #stateSize()} less the keyed state shared with earlier checkpoints. */
    public long checkpointedSize() {
        long size = 0;
        for (KeyedStateHandle h : keyedState) {
            size += h.getCheckpointedSize();
        }
        for (OperatorListState l : listStates.values()) {
            size += l.sizeInBytes();
        }
        return size;
    }

    /** Deletes the files behind the keyed state that belong to it alone (the lists are inline; shared files stay). */
    public void discardState() {
        for (KeyedStateHandle h : keyedState) {
            try {
                h.discardState();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(OperatorSubtaskState.class).warn("Could not discard {}", h, e);
            }
        }
    }
}
