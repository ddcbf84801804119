package org.millrace.api;

/**
 * The consistency checkpoints give ({@code execution.checkpointing.mode}), with Flink 2's names.
 * Immutable; any thread.
 */
public enum CheckpointingMode {

    /**
     * Each record changes the state once, also across failures: a task with several inputs aligns
     * the checkpoint barriers of its inputs (holding back the inputs whose barrier came first).
     */
    EXACTLY_ONCE,

    /**
     * No alignment: lower latency under backpressure, but after a recovery some records may change
     * the state a second time.
     */
    AT_LEAST_ONCE
}
