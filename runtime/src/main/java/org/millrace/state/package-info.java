/**
 * Keyed state backends: the SPI ({@link org.millrace.state.StateBackend},
 * {@link org.millrace.state.KeyedStateBackend}), the checkpoint stream abstraction
 * ({@link org.millrace.state.CheckpointStreamFactory}, {@link org.millrace.state.CheckpointOutputStream},
 * {@link org.millrace.state.StreamStateHandle}) and the key-grouped snapshot format both backends share
 * ({@link org.millrace.state.KeyedSnapshotFormat}).
 *
 * <h2>How a keyed operator uses a backend</h2>
 * <pre>{@code
 * StateBackend stateBackend = StateBackendLoader.fromConfiguration(configuration);      // state.backend.type
 * KeyedStateBackend<K> backend = stateBackend.createKeyedStateBackend(new KeyedStateBackendParameters<>(
 *         operatorId + "-" + subtask, keySerializer, maxParallelism,
 *         KeyGroupRange.forSubtask(maxParallelism, parallelism, subtask)));
 * backend.restore(handlesFromTheCheckpoint);                  // before the first record, if restoring
 * KeyedStateStore store = new DefaultKeyedStateStore(backend); // the runtime context's state getters delegate here
 * // per record, on the task thread:
 * backend.setCurrentKey(keySelector.getKey(record));
 * userFunction.processElement(record, ...);                   // its states now read/write this key
 * // on a checkpoint barrier, on the task thread:
 * RunnableFuture<KeyedStateHandle> snapshot = backend.snapshot(checkpointId, streamFactory);
 * asyncSnapshotExecutor.execute(snapshot);                    // processing goes on; snapshot.get() gives the handle
 * // at the end:
 * backend.close();                                            // waits for running snapshots
 * }</pre>
 */
package org.millrace.state;
