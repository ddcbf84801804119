/**
 * Millrace's data plane: how records travel between tasks.
 *
 * <h2>Pieces</h2>
 * A producing task writes through a {@link org.millrace.network.RecordWriter} into a
 * {@link org.millrace.network.ResultPartitionWriter} (a pipelined result partition with one
 * subpartition per consumer subtask). A consuming task reads through a
 * {@link org.millrace.network.NetworkInput} from one or more {@link org.millrace.network.InputGate}s
 * (one channel per producer subtask). A {@link org.millrace.network.ShuffleEnvironment} per
 * TaskManager creates both and owns the TaskManager-wide network buffer pool and the partition
 * manager that serves subpartition requests.
 *
 * <h2>Memory and flow control</h2>
 * All data travels in fixed-size buffers from the TaskManager's
 * {@link org.millrace.network.buffer.NetworkBufferPool}, lent through a bounded
 * {@link org.millrace.network.buffer.LocalBufferPool} per partition. A consumer on the same JVM
 * reads the producer's buffers in place and recycles them into the producer's pool, so that pool's
 * bound is the flow control: a producer whose buffers all wait in queues stops. With the network
 * transport, credit will be the number of free buffers at the receiver, announced to the sender;
 * only the channel class and the transport change, not the classes tasks use. TaskManagers that
 * share a JVM (the embedded local cluster) reach each other's partitions through memory via the
 * {@link org.millrace.network.InJvmPartitionDirectory}.
 *
 * <h2>Threads and hand-off</h2>
 * The producer's task thread fills buffers (no lock per record) and hands each finished buffer to
 * its subpartition under that subpartition's lock; the consumer's task thread polls it under the
 * same lock. A consumer is notified only when a subpartition goes from empty to non-empty; its
 * gate queues the channel and completes an availability future, so an idle task waits without
 * spinning. Events (end-of-partition; checkpoint barriers later) travel in their own event buffers
 * in the same queues, in order with the data.
 *
 * <h2>Packages</h2>
 * {@code buffer}: buffers and pools. {@code partition}: producer side (partitions, subpartitions,
 * views, the partition manager). {@code consumer}: input gates and channels. {@code api}: in-band
 * events. {@code serialization}: the element format inside buffers and its deserializer.
 */
package org.millrace.network;
