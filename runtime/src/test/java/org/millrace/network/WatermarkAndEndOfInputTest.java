package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.network.NetworkTestUtils.drainAvailable;
import static org.millrace.network.NetworkTestUtils.environment;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.source.InputStatus;
import org.millrace.network.TestingElementOutput.Rec;
import org.millrace.network.TestingElementOutput.Wm;

/**
 * Watermark combination, end of input and unions, driven step by step on one thread: producers
 * write and flush, then the consumer reads what is there, so every intermediate state is exact.
 */
@Timeout(60)
class WatermarkAndEndOfInputTest {

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private LocalShuffleEnvironment env;

    @BeforeEach
    void setUp() {
        env = environment("tm-1", 256, 64, null);
    }

    @AfterEach
    void tearDown() {
        NetworkTestUtils.awaitAllBuffersReturned(env);
        env.close();
    }

    private RecordWriter<Long> writer(ResultPartitionWriter partition) {
        return new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0), TestingLongSerializer.INSTANCE);
    }

    /** The consumer emits a watermark only when the minimum over its channels rises. */
    @Test
    void when_channelWatermarksAdvance_then_onlyTheRisingMinimumIsEmitted() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(2, 1);
        ResultPartitionWriter p0 = env.createResultPartition("p0", dataSet.partition(0));
        ResultPartitionWriter p1 = env.createResultPartition("p1", dataSet.partition(1));
        RecordWriter<Long> w0 = writer(p0);
        RecordWriter<Long> w1 = writer(p1);
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        TestingElementOutput<Long> out = new TestingElementOutput<>();

        w0.emit(1L, 7);
        w0.broadcastWatermark(10);
        w0.flushAll();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.elements).as("channel 1 holds the minimum at -inf").containsExactly(new Rec<>(1L, 7));

        w1.broadcastWatermark(5);
        w1.flushAll();
        drainAvailable(input, out);
        assertThat(out.watermarks).containsExactly(5L);

        w1.emit(2L, NO_TIMESTAMP);
        w1.broadcastWatermark(20);
        w1.flushAll();
        drainAvailable(input, out);
        assertThat(out.watermarks).as("min(10, 20)").containsExactly(5L, 10L);

        w0.broadcastWatermark(8); // behind channel 0's own watermark: ignored
        w0.broadcastWatermark(15);
        w0.flushAll();
        drainAvailable(input, out);
        assertThat(out.watermarks).containsExactly(5L, 10L, 15L);

        w0.finish();
        drainAvailable(input, out);
        assertThat(out.watermarks).as("an ended channel no longer holds the minimum").containsExactly(5L, 10L, 15L, 20L);

        w1.broadcastWatermark(30);
        w1.emit(3L, 31);
        w1.finish();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.elements).containsExactly(
                new Rec<>(1L, 7), new Wm(5), new Rec<>(2L, NO_TIMESTAMP), new Wm(10), new Wm(15), new Wm(20),
                new Wm(30), new Rec<>(3L, 31));
        assertThat(input.emitNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(input.getAvailableFuture()).isDone();
        input.close();
        p0.close();
        p1.close();
    }

    /** END_OF_INPUT comes only once every producer has finished, and stays. */
    @Test
    void when_someProducersFinish_then_inputEndsOnlyAfterTheLast() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(2, 1);
        ResultPartitionWriter p0 = env.createResultPartition("p0", dataSet.partition(0));
        ResultPartitionWriter p1 = env.createResultPartition("p1", dataSet.partition(1));
        InputGate gate = env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()));
        NetworkInput<Long> input = new NetworkInput<>(List.of(gate), TestingLongSerializer.INSTANCE);
        TestingElementOutput<Long> out = new TestingElementOutput<>();

        RecordWriter<Long> w0 = writer(p0);
        w0.emit(1L, NO_TIMESTAMP);
        w0.finish();
        p0.close();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.records).containsExactly(1L);
        assertThat(gate.isFinished()).isFalse();
        assertThat(input.getAvailableFuture()).isNotDone();
        assertThat(env.getResultPartitionManager().isRegistered(dataSet.partitionId(0)))
                .as("fully consumed partition is unregistered").isFalse();

        RecordWriter<Long> w1 = writer(p1);
        w1.emit(2L, NO_TIMESTAMP);
        w1.finish();
        assertThat(input.getAvailableFuture()).isDone();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.records).containsExactly(1L, 2L);
        assertThat(gate.isFinished()).isTrue();
        assertThat(input.emitNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        input.close();
        p1.close();
    }

    /**
     * A union of two gates (data set A from two producers, B from one) reads all records in each
     * channel's order and combines watermarks over all three channels.
     */
    @Test
    void when_inputIsAUnionOfTwoGates_then_recordsAndWatermarksCombineOverAllChannels() throws Exception {
        TestingDataSet a = new TestingDataSet(2, 1);
        TestingDataSet b = new TestingDataSet(1, 1);
        ResultPartitionWriter a0 = env.createResultPartition("a0", a.partition(0));
        ResultPartitionWriter a1 = env.createResultPartition("a1", a.partition(1));
        ResultPartitionWriter b0 = env.createResultPartition("b0", b.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("union", a.gate(0, env.getConnectionId())),
                        env.createInputGate("union", b.gate(0, env.getConnectionId()))),
                TestingLongSerializer.INSTANCE);
        assertThat(input.getNumberOfInputChannels()).isEqualTo(3);
        TestingElementOutput<Long> out = new TestingElementOutput<>();

        RecordWriter<Long> wa0 = writer(a0);
        RecordWriter<Long> wa1 = writer(a1);
        RecordWriter<Long> wb0 = writer(b0);
        for (long i = 0; i < 20; i++) { // a few buffers: the pools hold at most 4 each
            wa0.emit(1_000 + i, NO_TIMESTAMP);
            wa1.emit(2_000 + i, NO_TIMESTAMP);
            wb0.emit(3_000 + i, NO_TIMESTAMP);
        }
        wa0.broadcastWatermark(100);
        wa1.broadcastWatermark(50);
        wb0.broadcastWatermark(70);
        wa0.flushAll();
        wa1.flushAll();
        wb0.flushAll();
        assertThat(input.getAvailableFuture()).isDone();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.watermarks).containsExactly(50L);
        assertThat(input.getAvailableFuture()).isNotDone();

        wa1.finish();
        drainAvailable(input, out);
        assertThat(out.watermarks).containsExactly(50L, 70L);

        wb0.finish();
        drainAvailable(input, out);
        assertThat(out.watermarks).containsExactly(50L, 70L, 100L);

        wa0.finish();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.watermarks).as("nothing when the last channel ends").containsExactly(50L, 70L, 100L);
        for (long base : new long[] {1_000, 2_000, 3_000}) {
            assertThat(out.records.stream().filter(r -> r >= base && r < base + 1_000))
                    .containsExactlyElementsOf(LongStream.range(base, base + 20).boxed().toList());
        }
        assertThat(out.records).hasSize(60);
        input.close();
        a0.close();
        a1.close();
        b0.close();
    }

    /** A consumer deployed before its producer waits (without spinning) and reads once the producer registers. */
    @Test
    void when_consumerStartsBeforeProducerRegisters_then_requestWaitsAndIsServedOnRegistration() throws Exception {
        TestingDataSet dataSet = new TestingDataSet(1, 1);
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), TestingLongSerializer.INSTANCE);
        TestingElementOutput<Long> out = new TestingElementOutput<>();
        assertThat(input.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(input.getAvailableFuture()).isNotDone();
        assertThat(env.getResultPartitionManager().getNumberOfPendingRequests()).isEqualTo(1);

        ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
        assertThat(env.getResultPartitionManager().getNumberOfPendingRequests()).isZero();
        assertThat(input.getAvailableFuture()).as("nothing written yet").isNotDone();

        RecordWriter<Long> writer = writer(partition);
        writer.emit(42L, 1);
        writer.flushAll();
        assertThat(input.getAvailableFuture()).isDone();
        assertThat(input.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.elements).containsExactly(new Rec<>(42L, 1));
        writer.finish();
        partition.close();
        assertThat(drainAvailable(input, out)).isEqualTo(InputStatus.END_OF_INPUT);
        input.close();
    }
}
