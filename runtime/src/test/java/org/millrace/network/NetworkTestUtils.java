package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.millrace.api.source.InputStatus;

/** Shared set-up and task-like loops for data-plane tests. */
final class NetworkTestUtils {

    static final long TIMEOUT_SECONDS = 60;

    private NetworkTestUtils() {}

    static LocalShuffleEnvironment environment(String taskManagerId, int segmentSize, int numberOfBuffers,
            InJvmPartitionDirectory directory) {
        return new LocalShuffleEnvironment(new ConnectionID(taskManagerId, "localhost", 0),
                new NetworkBufferSettings(segmentSize, numberOfBuffers, 2, 2), directory);
    }

    /** Reads like a task's mailbox loop: emit until END_OF_INPUT, waiting on the input's future when idle. */
    static <T> void drain(NetworkInput<T> input, ElementOutput<T> output) throws Exception {
        for (;;) {
            InputStatus status = input.emitNext(output);
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                input.getAvailableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** Emits until nothing is available now (single-threaded tests). */
    static <T> InputStatus drainAvailable(NetworkInput<T> input, ElementOutput<T> output) throws Exception {
        for (;;) {
            InputStatus status = input.emitNext(output);
            if (status != InputStatus.MORE_AVAILABLE) {
                return status;
            }
        }
    }

    /** Writes like a task: waits on the writer's availability before each record. */
    static <T> void emitWhenAvailable(RecordWriter<T> writer, T record, long timestamp) throws Exception {
        if (!writer.isAvailable()) {
            writer.getAvailableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        writer.emit(record, timestamp);
    }

    /** Every segment is back in the TaskManager's pool and no reservation is left. */
    static void awaitAllBuffersReturned(LocalShuffleEnvironment env) {
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).untilAsserted(() -> {
            assertThat(env.getNetworkBufferPool().getNumberOfAvailableSegments())
                    .isEqualTo(env.getNetworkBufferPool().getTotalNumberOfSegments());
            assertThat(env.getNetworkBufferPool().getNumberOfReservedSegments()).isZero();
        });
    }
}
