package org.millrace.state;

import java.util.Objects;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * What a {@link StateBackend} needs to create the keyed backend of one operator subtask. Immutable; any thread.
 *
 * @param operatorIdentifier names the backend in logs and working directories (e.g. operator id + subtask)
 * @param numberOfKeyGroups the max parallelism
 */
public record KeyedStateBackendParameters<K>(
        String operatorIdentifier, TypeSerializer<K> keySerializer, int numberOfKeyGroups, KeyGroupRange keyGroupRange) {

    public KeyedStateBackendParameters {
        Objects.requireNonNull(operatorIdentifier, "operatorIdentifier");
        Objects.requireNonNull(keySerializer, "keySerializer");
        if (numberOfKeyGroups < 1 || numberOfKeyGroups > 32768) {
            throw new IllegalArgumentException("number of key groups " + numberOfKeyGroups + " not in [1, 32768]");
        }
        if (keyGroupRange.getNumberOfKeyGroups() > 0 && keyGroupRange.getEndKeyGroup() >= numberOfKeyGroups) {
            throw new IllegalArgumentException(keyGroupRange + " exceeds " + numberOfKeyGroups + " key groups");
        }
    }
}
