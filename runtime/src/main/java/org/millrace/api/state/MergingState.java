package org.millrace.api.state;

/**
 * An {@link AppendingState} whose contents for two namespaces can be merged (used by merging
 * windows). Used only from the task's thread.
 */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
