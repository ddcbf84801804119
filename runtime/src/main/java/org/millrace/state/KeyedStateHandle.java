package org.millrace.state;

import java.io.IOException;
import java.io.Serializable;

/**
 * The keyed state of one backend at one checkpoint, for a range of key groups. What a snapshot
 * produces and a restore consumes; serializable so it can travel in checkpoint metadata.
 * Immutable; any thread.
 */
public interface KeyedStateHandle extends Serializable {

    KeyGroupRange getKeyGroupRange();

    long getStateSize();

    void discardState() throws IOException;
}
