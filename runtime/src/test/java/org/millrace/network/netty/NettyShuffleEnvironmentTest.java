package org.millrace.network.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.source.InputStatus;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ConnectionID;
import org.millrace.network.ElementOutput;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.network.NetworkInput;
import org.millrace.network.RecordWriter;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.ResultPartitionWriter;
import org.millrace.network.TestingChannelSelector;
import org.millrace.network.TestingElementOutput;
import org.millrace.network.TestingLongSerializer;
import org.millrace.network.consumer.RemoteInputChannel;
import org.millrace.network.consumer.SingleInputGate;
import org.millrace.network.partition.PartitionReleasedException;
import org.millrace.network.partition.ResultPartition;

/**
 * Two {@link NettyShuffleEnvironment}s in one JVM talking over real loopback sockets: records
 * arrive exactly, channels share one connection, a slow consumer stops the sender through credit,
 * failures reach the consumer, and every buffer goes home.
 */
@Timeout(120)
class NettyShuffleEnvironmentTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;
    private static final long SEQUENCE_MASK = (1L << 40) - 1;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<NettyShuffleEnvironment> environments = new ArrayList<>();

    @AfterEach
    void shutdown() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        environments.forEach(NettyShuffleEnvironment::close);
    }

    /**
     * Three producers (two on tm-1, one on tm-2) and four consumers on tm-2: each consumer gets
     * exactly its share of every producer's records in order, through eight remote channels on one
     * TCP connection and four local ones; afterwards every buffer is back in both pools.
     */
    @Test
    void when_manyRecordsCrossTheSocket_then_eachConsumerGetsExactlyItsShare_overOneConnection() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 1024, 256, 2, 4);
        NettyShuffleEnvironment tm2 = environment("tm-2", 1024, 256, 2, 4);
        int consumers = 4;
        int perProducer = 200_000;
        DataSet dataSet = new DataSet(3, consumers);
        List<NettyShuffleEnvironment> producerEnvs = List.of(tm1, tm1, tm2);
        List<ConnectionID> locations = producerEnvs.stream().map(NettyShuffleEnvironment::getConnectionId).toList();

        List<Future<SequenceOutput>> results = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            NetworkInput<Long> input = new NetworkInput<>(
                    List.of(tm2.createInputGate("consumer-" + c, dataSet.gate(c, locations))), TestingLongSerializer.INSTANCE);
            results.add(executor.submit(() -> {
                SequenceOutput output = new SequenceOutput(dataSet.producers);
                drain(input, output);
                input.close();
                return output;
            }));
        }
        List<Future<?>> producers = new ArrayList<>();
        for (int p = 0; p < dataSet.producers; p++) {
            ResultPartitionWriter partition = producerEnvs.get(p).createResultPartition("producer-" + p, dataSet.partition(p));
            int producer = p;
            producers.add(executor.submit((Callable<Void>) () -> {
                produceSequence(partition, producer, perProducer, new AtomicLong());
                return null;
            }));
        }
        for (Future<?> producer : producers) {
            producer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        for (int c = 0; c < consumers; c++) {
            SequenceOutput output = results.get(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int consumer = c;
            List<Long> expected = LongStream.range(0, perProducer).filter(s -> s % consumers == consumer)
                    .boxed().collect(Collectors.toList());
            for (int p = 0; p < dataSet.producers; p++) {
                assertThat(output.sequences.get(p)).as("consumer %d, producer %d", c, p).isEqualTo(expected);
            }
        }
        assertThat(tm1.getNumberOfAcceptedConnections()).as("connections into tm-1").isEqualTo(1);
        assertThat(tm2.getNumberOfOutgoingConnections()).as("connections out of tm-2").isEqualTo(1);
        assertThat(tm2.getNumberOfAcceptedConnections()).as("local channels skip the socket").isZero();
        awaitAllBuffersReturned(tm1);
        awaitAllBuffersReturned(tm2);
        assertThat(tm1.getResultPartitionManager().getNumberOfRegisteredPartitions()).isZero();
    }

    /**
     * One exclusive buffer per channel and no floating ones, four producers into one gate: each
     * channel's only buffer is on the wire or in the consumer's hands most of the time, and the
     * exchange still completes (credit returns on every recycle; end-of-partition needs none).
     */
    @Test
    void when_everyBufferIsInFlight_then_theExchangeStillCompletes() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 128, 64, 1, 0);
        NettyShuffleEnvironment tm2 = environment("tm-2", 128, 64, 1, 0);
        DataSet dataSet = new DataSet(4, 1);
        SingleInputGate gate = tm2.createInputGate("consumer", dataSet.gate(0, Collections.nCopies(4, tm1.getConnectionId())));
        assertThat(gate.getBufferPool().getMaxSegments()).as("four buffers for four remote channels").isEqualTo(4);
        NetworkInput<Long> input = new NetworkInput<>(List.of(gate), TestingLongSerializer.INSTANCE);
        Future<SequenceOutput> result = executor.submit(() -> {
            SequenceOutput output = new SequenceOutput(4);
            drain(input, output);
            input.close();
            return output;
        });
        int perProducer = 10_000;
        List<Future<?>> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            ResultPartitionWriter partition = tm1.createResultPartition("producer-" + p, dataSet.partition(p));
            int producer = p;
            producers.add(executor.submit((Callable<Void>) () -> {
                produceSequence(partition, producer, perProducer, new AtomicLong());
                return null;
            }));
        }
        for (Future<?> producer : producers) {
            producer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        SequenceOutput output = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (int p = 0; p < 4; p++) {
            assertThat(output.sequences.get(p)).isEqualTo(LongStream.range(0, perProducer).boxed().toList());
        }
        awaitAllBuffersReturned(tm1);
        awaitAllBuffersReturned(tm2);
    }

    /**
     * A consumer that does not read: the sender stops once the channel's credit (2 exclusive and up
     * to 2 floating buffers) is used up, the rest waits in the producer's subpartition and the
     * producer's pool runs dry, so the producer blocks far short of its records. Once the consumer
     * reads, everything arrives in order.
     */
    @Test
    void when_consumerIsSlow_then_creditBoundsTheSender_andTheProducerBlocks() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 256, 64, 2, 2);
        NettyShuffleEnvironment tm2 = environment("tm-2", 256, 64, 2, 2);
        DataSet dataSet = new DataSet(1, 1);
        ResultPartition partition = tm1.createResultPartition("producer", dataSet.partition(0));
        SingleInputGate gate = tm2.createInputGate("consumer", dataSet.gate(0, List.of(tm1.getConnectionId())));
        RemoteInputChannel channel = (RemoteInputChannel) gate.getChannel(0);
        NetworkInput<Long> input = new NetworkInput<>(List.of(gate), TestingLongSerializer.INSTANCE);
        int records = 100_000;
        AtomicLong produced = new AtomicLong();
        Future<?> producer = executor.submit((Callable<Void>) () -> {
            produceSequence(partition, 0, records, produced);
            return null;
        });

        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).untilAsserted(() -> {
            assertThat(channel.getNumberOfFreeBuffers()).as("no credit left").isZero();
            assertThat(partition.isAvailable()).as("producer pool exhausted").isFalse();
            assertThat(partition.getNumberOfQueuedBuffers(0)).as("waiting at the sender").isPositive();
        });
        // The exclusive buffers at least; floating ones only as far as the backlogs announced so far asked for.
        assertThat(channel.getNumberOfQueuedBuffers()).as("received, unread buffers").isBetween(2, 4);
        assertThat(produced.get()).as("producer blocked").isLessThan(records);
        assertThat(producer.isDone()).isFalse();

        SequenceOutput output = new SequenceOutput(1);
        drain(input, output);
        input.close();
        producer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(output.sequences.get(0)).isEqualTo(LongStream.range(0, records).boxed().toList());
        awaitAllBuffersReturned(tm1);
        awaitAllBuffersReturned(tm2);
    }

    /** A producer that fails after writing: the remote consumer fails with the partition's release and its cause. */
    @Test
    void when_producerFails_then_theRemoteConsumerFailsWithTheCause() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 256, 64, 2, 2);
        NettyShuffleEnvironment tm2 = environment("tm-2", 256, 64, 2, 2);
        DataSet dataSet = new DataSet(1, 1);
        ResultPartition partition = tm1.createResultPartition("producer", dataSet.partition(0));
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(tm2.createInputGate("consumer", dataSet.gate(0, List.of(tm1.getConnectionId())))),
                TestingLongSerializer.INSTANCE);
        Future<?> consumer = executor.submit((Callable<Void>) () -> {
            try {
                drain(input, new TestingElementOutput<>());
            } finally {
                input.close();
            }
            return null;
        });
        RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                TestingLongSerializer.INSTANCE);
        for (long v = 0; v < 1_000; v++) {
            emitWhenAvailable(writer, v, NO_TIMESTAMP);
        }
        writer.flushAll();
        partition.fail(new RuntimeException("producer failed on purpose"));
        writer.close();
        partition.close();

        assertThatThrownBy(() -> consumer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PartitionReleasedException.class)
                .hasMessageContaining("producer failed on purpose");
        awaitAllBuffersReturned(tm1);
        awaitAllBuffersReturned(tm2);
    }

    /** A consumer waits for a partition whose TaskManager shuts down: the request fails and the consumer with it. */
    @Test
    void when_producerTaskManagerShutsDown_then_aWaitingConsumerFails() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 256, 64, 2, 2);
        NettyShuffleEnvironment tm2 = environment("tm-2", 256, 64, 2, 2);
        DataSet dataSet = new DataSet(1, 1);
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(tm2.createInputGate("consumer", dataSet.gate(0, List.of(tm1.getConnectionId())))),
                TestingLongSerializer.INSTANCE);
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                .until(() -> tm1.getResultPartitionManager().getNumberOfPendingRequests() == 1);
        tm1.close();
        assertThatThrownBy(() -> drain(input, new TestingElementOutput<>())).isInstanceOf(IOException.class);
        input.close();
        awaitAllBuffersReturned(tm2);
    }

    /** Nobody listens at the producer's address: the consumer fails with the connection error. */
    @Test
    void when_producerIsUnreachable_then_theConsumerFailsWithTheConnectionError() throws Exception {
        NettyShuffleEnvironment tm2 = environment("tm-2", 256, 64, 2, 2);
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        ConnectionID nowhere = new ConnectionID("tm-9", "localhost", unusedPort);
        NetworkInput<Long> input = new NetworkInput<>(
                List.of(tm2.createInputGate("consumer", new DataSet(1, 1).gate(0, List.of(nowhere)))),
                TestingLongSerializer.INSTANCE);
        assertThatThrownBy(() -> drain(input, new TestingElementOutput<>()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("localhost:" + unusedPort)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        input.close();
        awaitAllBuffersReturned(tm2);
    }

    /** Closing environments with channels mid-stream leaves no buffer behind on the consumer side. */
    @Test
    void when_consumerClosesMidStream_then_noBufferLeaks_andTheProducerIsReleasedFromIt() throws Exception {
        NettyShuffleEnvironment tm1 = environment("tm-1", 256, 64, 2, 2);
        NettyShuffleEnvironment tm2 = environment("tm-2", 256, 64, 2, 2);
        DataSet dataSet = new DataSet(1, 1);
        ResultPartition partition = tm1.createResultPartition("producer", dataSet.partition(0));
        SingleInputGate gate = tm2.createInputGate("consumer", dataSet.gate(0, List.of(tm1.getConnectionId())));
        NetworkInput<Long> input = new NetworkInput<>(List.of(gate), TestingLongSerializer.INSTANCE);
        Future<?> producer = executor.submit((Callable<Void>) () -> {
            produceSequence(partition, 0, 1_000_000, new AtomicLong());
            return null;
        });
        RemoteInputChannel channel = (RemoteInputChannel) gate.getChannel(0);
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> channel.getNumberOfQueuedBuffers() > 0);
        input.close();
        awaitAllBuffersReturned(tm2);
        // The cancelled subpartition drops what it holds, so the producer no longer waits for this consumer.
        producer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        awaitAllBuffersReturned(tm1);
    }

    // ------------------------------------------------------------------------

    private NettyShuffleEnvironment environment(String taskManagerId, int segmentSize, int buffers, int perChannel,
            int floating) throws IOException {
        NettyShuffleEnvironment env = new NettyShuffleEnvironment(taskManagerId, new NettyConfig("localhost", 0, 1, 1),
                new NetworkBufferSettings(segmentSize, buffers, perChannel, floating));
        environments.add(env);
        return env;
    }

    private static void produceSequence(ResultPartitionWriter partition, int producer, int count, AtomicLong produced)
            throws Exception {
        RecordWriter<Long> writer = new RecordWriter<>(partition,
                TestingChannelSelector.byFunction(r -> (int) (r & SEQUENCE_MASK)), TestingLongSerializer.INSTANCE);
        for (long seq = 0; seq < count; seq++) {
            emitWhenAvailable(writer, ((long) producer << 40) | seq, seq);
            produced.lazySet(seq + 1);
            if (seq % 10_000 == 9_999) {
                writer.broadcastWatermark(seq);
            }
        }
        writer.finish();
        writer.close();
        partition.close();
    }

    private static <T> void emitWhenAvailable(RecordWriter<T> writer, T record, long timestamp) throws Exception {
        if (!writer.isAvailable()) {
            writer.getAvailableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        writer.emit(record, timestamp);
    }

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

    /** Every segment is back in the TaskManager's pool and no reservation is left. */
    static void awaitAllBuffersReturned(NettyShuffleEnvironment env) {
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).untilAsserted(() -> {
            assertThat(env.getNetworkBufferPool().getNumberOfAvailableSegments())
                    .isEqualTo(env.getNetworkBufferPool().getTotalNumberOfSegments());
            assertThat(env.getNetworkBufferPool().getNumberOfReservedSegments()).isZero();
        });
    }

    /** Descriptors of one data set between {@code producers} and {@code consumers} subtasks. */
    private static final class DataSet {
        final IntermediateDataSetID id = IntermediateDataSetID.random();
        final int producers;
        final int consumers;

        DataSet(int producers, int consumers) {
            this.producers = producers;
            this.consumers = consumers;
        }

        ResultPartitionID partitionId(int producer) {
            return new ResultPartitionID(id, producer, 0);
        }

        ResultPartitionDeploymentDescriptor partition(int producer) {
            return new ResultPartitionDeploymentDescriptor(partitionId(producer), consumers);
        }

        InputGateDeploymentDescriptor gate(int consumer, List<ConnectionID> producerLocations) {
            List<InputChannelDeploymentDescriptor> channels = new ArrayList<>();
            for (int p = 0; p < producerLocations.size(); p++) {
                channels.add(new InputChannelDeploymentDescriptor(partitionId(p), producerLocations.get(p)));
            }
            return new InputGateDeploymentDescriptor(id, consumer, channels);
        }
    }

    /** Sequence numbers per producer, in arrival order; timestamps checked as they arrive. */
    private static final class SequenceOutput implements ElementOutput<Long> {
        final List<List<Long>> sequences = new ArrayList<>();

        SequenceOutput(int producers) {
            for (int p = 0; p < producers; p++) {
                sequences.add(new ArrayList<>());
            }
        }

        @Override
        public void emitRecord(Long record, long timestamp) {
            long seq = record & SEQUENCE_MASK;
            if (timestamp != seq) {
                throw new AssertionError("record " + seq + " with timestamp " + timestamp);
            }
            sequences.get((int) (record >>> 40)).add(seq);
        }

        @Override
        public void emitWatermark(long watermark) {}
    }
}
