package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.millrace.network.NetworkTestUtils.TIMEOUT_SECONDS;
import static org.millrace.network.NetworkTestUtils.awaitAllBuffersReturned;
import static org.millrace.network.NetworkTestUtils.drain;
import static org.millrace.network.NetworkTestUtils.drainAvailable;
import static org.millrace.network.NetworkTestUtils.environment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.source.InputStatus;
import org.millrace.network.buffer.BufferPoolDestroyedException;
import org.millrace.network.partition.PartitionReleasedException;
import org.millrace.network.partition.ResultPartition;

/**
 * Flow control and cancellation. Buffers are 64 bytes, so a long record (13 bytes with its header)
 * fills a buffer after 4 records, and a one-subpartition partition may hold at most 4 buffers
 * (2 per channel + 2 floating): the producer runs out after 13 records if nobody reads.
 */
@Timeout(60)
class BackpressureAndCancellationTest {

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private LocalShuffleEnvironment env;

    @BeforeEach
    void setUp() {
        env = environment("tm-1", 64, 64, null);
    }

    @AfterEach
    void tearDown() {
        awaitAllBuffersReturned(env);
        env.close();
    }

    /** A producer thread writing like a task (checks availability before each record), recording where it waited. */
    private static final class CooperativeProducer extends Thread {
        final RecordWriter<Long> writer;
        final ResultPartitionWriter partition;
        final int count;
        final AtomicInteger emitted = new AtomicInteger();
        final AtomicInteger firstBlockedAt = new AtomicInteger(-1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        CooperativeProducer(ResultPartitionWriter partition, int count) {
            super("producer");
            this.partition = partition;
            this.writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0), TestingLongSerializer.INSTANCE);
            this.count = count;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < count; i++) {
                    if (!writer.isAvailable()) {
                        firstBlockedAt.compareAndSet(-1, i);
                        writer.getAvailableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    }
                    writer.emit((long) i, NO_TIMESTAMP);
                    emitted.set(i + 1);
                }
                writer.finish();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                writer.close();
                partition.close();
            }
        }
    }

    @Test
    void when_consumerDoesNotRead_then_producerBecomesUnavailableAndResumesWhenConsumerReads() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        CooperativeProducer producer = new CooperativeProducer(partition, 1_000);
        producer.start();

        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> producer.getState() == Thread.State.WAITING
                || producer.getState() == Thread.State.TIMED_WAITING);
        // Blocked state: 3 full buffers queued, the 4th (the pool's last) holds record 12.
        assertThat(producer.firstBlockedAt.get()).isEqualTo(13);
        assertThat(producer.emitted.get()).isEqualTo(13);
        assertThat(producer.writer.isAvailable()).isFalse();
        assertThat(partition.getAvailableFuture()).isNotDone();
        assertThat(((ResultPartition) partition).getNumberOfQueuedBuffers(0)).isEqualTo(3);
        assertThat(producer.failure.get()).isNull();

        TestingElementOutput<Long> out = new TestingElementOutput<>();
        drain(input, out);
        producer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(producer.failure.get()).isNull();
        assertThat(out.records).containsExactlyElementsOf(LongStream.range(0, 1_000).boxed().toList());
        input.close();
    }

    /**
     * A record larger than the free buffers makes emit itself wait; before waiting the writer hands
     * over the other channels' partly filled buffers, and the record arrives intact once the
     * consumer reads.
     */
    @Test
    void when_recordNeedsMoreBuffersThanFree_then_emitWaitsAfterFlushingOtherChannels() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 2);
        ResultPartition partition = env.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<byte[]> input0 = new NetworkInput<>(
                List.of(env.createInputGate("consumer-0", dataSet.gate(0, env.getConnectionId()))), TestingBytesSerializer.INSTANCE);
        NetworkInput<byte[]> input1 = new NetworkInput<>(
                List.of(env.createInputGate("consumer-1", dataSet.gate(1, env.getConnectionId()))), TestingBytesSerializer.INSTANCE);
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> r.length > 100 ? 0 : 1),
                TestingBytesSerializer.INSTANCE);
        byte[] small = {1, 2, 3};
        byte[] large = new byte[2_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        writer.emit(small, NO_TIMESTAMP);
        assertThat(partition.getNumberOfQueuedBuffers(1)).as("small record still in the writer").isZero();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                writer.emit(large, 5);
                writer.finish();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                writer.close();
                partition.close();
            }
        }, "producer");
        producer.start();
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(partition.getNumberOfQueuedBuffers(1)).as("flushed before waiting").isEqualTo(1);
        // Two subpartitions: at most 2 * 2 + 2 = 6 buffers; the other 5 carry the large record's first 320 bytes.
        assertThat(partition.getNumberOfQueuedBuffers(0)).isEqualTo(5);
        TestingElementOutput<byte[]> out1 = new TestingElementOutput<>();
        assertThat(drainAvailable(input1, out1)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out1.records).containsExactly(small);

        TestingElementOutput<byte[]> out0 = new TestingElementOutput<>();
        drain(input0, out0);
        drain(input1, out1);
        producer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(failure.get()).isNull();
        assertThat(out0.records).containsExactly(large);
        assertThat(out0.timestamps).containsExactly(5L);
        input0.close();
        input1.close();
    }

    /** Cancellation interrupts the task thread: a producer waiting for a buffer wakes up. */
    @Test
    void when_producerWaitingForBufferIsInterrupted_then_emitThrowsInterruptedException() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                TestingBytesSerializer.INSTANCE);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread producer = new Thread(() -> {
            try {
                writer.emit(new byte[10_000], NO_TIMESTAMP);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            } finally {
                writer.close();
                partition.close();
            }
        }, "producer");
        producer.start();
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(outcome).isNotDone();

        producer.interrupt();
        assertThat(outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        producer.join();
        // Nobody ever consumed: closing without finish released the partition and its queued buffers.
        assertThat(partition.isReleased()).isTrue();
        assertThat(env.getResultPartitionManager().getNumberOfRegisteredPartitions()).isZero();
    }

    /**
     * Releasing the partition (a failed or cancelled producer) wakes a producer waiting for a
     * buffer, and its consumer fails with the release cause instead of waiting forever.
     */
    @Test
    void when_partitionIsReleasedWhileProducerWaits_then_producerWakesAndConsumerFails() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                TestingLongSerializer.INSTANCE);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread producer = new Thread(() -> {
            try {
                for (long i = 0; i < 1_000; i++) {
                    writer.emit(i, NO_TIMESTAMP); // ignores availability: ends up waiting inside emit
                }
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            } finally {
                writer.close();
                partition.close();
            }
        }, "producer");
        producer.start();
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> producer.getState() == Thread.State.WAITING);

        partition.fail(new RuntimeException("producer task failed"));
        assertThat(outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(BufferPoolDestroyedException.class);
        producer.join();

        TestingElementOutput<Long> out = new TestingElementOutput<>();
        assertThatThrownBy(() -> drain(input, out))
                .isInstanceOf(PartitionReleasedException.class)
                .hasMessageContaining("producer task failed");
        input.close();
    }

    /** A producer that closes its partition without finishing (it failed) makes its consumers fail. */
    @Test
    void when_producerClosesWithoutFinishing_then_consumerFailsAfterReadingNothingFurther() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                TestingLongSerializer.INSTANCE);
        writer.emit(1L, NO_TIMESTAMP);
        writer.flushAll();
        TestingElementOutput<Long> out = new TestingElementOutput<>();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.records).containsExactly(1L);

        writer.emit(2L, NO_TIMESTAMP);
        writer.flushAll();
        writer.close();
        partition.close();
        assertThat(input.getAvailableFuture()).isDone();
        assertThatThrownBy(() -> drainAvailable(input, out))
                .isInstanceOf(PartitionReleasedException.class)
                .hasMessageContaining("without finishing");
        assertThat(out.records).containsExactly(1L);
        input.close();
    }

    /**
     * A consumer that goes away (cancelled) releases its subpartition: the producer keeps writing
     * without blocking (its buffers are recycled at once) and can finish.
     */
    @Test
    void when_consumerIsClosedEarly_then_producerIsNotHeldBack() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        CooperativeProducer producer = new CooperativeProducer(partition, 10_000);
        producer.start();
        TestingElementOutput<Long> out = new TestingElementOutput<>();
        while (out.records.size() < 10) {
            if (input.emitNext(out) == InputStatus.NOTHING_AVAILABLE) {
                input.getAvailableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        input.close();
        producer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(producer.failure.get()).isNull();
        assertThat(producer.emitted.get()).isEqualTo(10_000);
        assertThat(out.records).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
        assertThat(env.getResultPartitionManager().getNumberOfRegisteredPartitions()).isZero();
    }
}
