package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.network.NetworkTestUtils.TIMEOUT_SECONDS;
import static org.millrace.network.NetworkTestUtils.awaitAllBuffersReturned;
import static org.millrace.network.NetworkTestUtils.drain;
import static org.millrace.network.NetworkTestUtils.emitWhenAvailable;
import static org.millrace.network.NetworkTestUtils.environment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.types.ByteArrays;

/** Records through producer threads, partitions, gates and consumer threads, checked exactly. */
@Timeout(120)
class RecordExchangeTest {

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;
    private static final long SEQUENCE_MASK = (1L << 40) - 1;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Three producers, four consumers (a keyBy-like all-to-all exchange): every consumer gets exactly
     * its share of every producer's records, in the producer's order, with their timestamps; the
     * combined watermark never overtakes a record; and all buffers go back to the pool.
     */
    @Test
    void when_manyRecordsCrossThreads_then_eachConsumerGetsExactlyItsShareInOrder() throws Exception {
        int producers = 3;
        int consumers = 4;
        int perProducer = 200_000;
        try (LocalShuffleEnvironment env = environment("tm-1", 1024, 512, null)) {
            TestingDataSet dataSet = new TestingDataSet(producers, consumers);
            List<ResultPartitionWriter> partitions = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                partitions.add(env.createResultPartition("producer-" + p, dataSet.partition(p)));
            }
            List<Future<SequenceCheckingOutput>> results = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                NetworkInput<Long> input = new NetworkInput<>(
                        List.of(env.createInputGate("consumer-" + c, dataSet.gate(c, env.getConnectionId()))),
                        TestingLongSerializer.INSTANCE);
                results.add(executor.submit(() -> {
                    SequenceCheckingOutput output = new SequenceCheckingOutput(producers);
                    drain(input, output);
                    input.close();
                    return output;
                }));
            }
            List<Future<?>> producerResults = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                ResultPartitionWriter partition = partitions.get(p);
                producerResults.add(executor.submit((Callable<Void>) () -> {
                    produceSequence(partition, producer, perProducer);
                    return null;
                }));
            }
            for (Future<?> f : producerResults) {
                f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            for (int c = 0; c < consumers; c++) {
                SequenceCheckingOutput output = results.get(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                int consumer = c;
                List<Long> expected = LongStream.range(0, perProducer).filter(s -> s % consumers == consumer)
                        .boxed().collect(Collectors.toList());
                for (int p = 0; p < producers; p++) {
                    assertThat(output.sequences.get(p)).as("consumer %d, producer %d", c, p).isEqualTo(expected);
                }
                assertThat(output.lastWatermark).isEqualTo(perProducer - 1);
            }
            awaitAllBuffersReturned(env);
            assertThat(env.getResultPartitionManager().getNumberOfRegisteredPartitions()).isZero();
        }
    }

    private static void produceSequence(ResultPartitionWriter partition, int producer, int count) throws Exception {
        RecordWriter<Long> writer = new RecordWriter<>(partition,
                TestingChannelSelector.byFunction(r -> (int) (r & SEQUENCE_MASK)), TestingLongSerializer.INSTANCE);
        for (long seq = 0; seq < count; seq++) {
            emitWhenAvailable(writer, ((long) producer << 40) | seq, seq % 3 == 0 ? NO_TIMESTAMP : seq);
            if (seq % 10_000 == 9_999) {
                writer.broadcastWatermark(seq);
            }
            if (seq % 50_000 == 0) {
                writer.flushAll();
            }
        }
        writer.finish();
        writer.close();
        partition.close();
    }

    /** Collects sequence numbers per producer and checks timestamps and watermarks as they arrive. */
    private static final class SequenceCheckingOutput implements ElementOutput<Long> {
        final List<List<Long>> sequences = new ArrayList<>();
        long lastWatermark = Long.MIN_VALUE;

        SequenceCheckingOutput(int producers) {
            for (int p = 0; p < producers; p++) {
                sequences.add(new ArrayList<>());
            }
        }

        @Override
        public void emitRecord(Long record, long timestamp) {
            long seq = record & SEQUENCE_MASK;
            assertThat(timestamp).isEqualTo(seq % 3 == 0 ? NO_TIMESTAMP : seq);
            if (timestamp != NO_TIMESTAMP) {
                // Every producer's timestamps rise and it sends watermark s after record s, so a
                // record can only be late if the minimum was combined wrongly.
                assertThat(timestamp).as("record behind the watermark").isGreaterThan(lastWatermark);
            }
            sequences.get((int) (record >>> 40)).add(seq);
        }

        @Override
        public void emitWatermark(long watermark) {
            assertThat(watermark).isGreaterThan(lastWatermark);
            lastWatermark = watermark;
        }
    }

    /**
     * With 128-byte buffers and a partition pool of at most 6 buffers (768 bytes), records from 4
     * bytes up to 100 KB (many times the pool) arrive byte for byte, with their timestamps.
     */
    @Test
    void when_recordsSpanBuffersAndExceedThePool_then_theyArriveIntact() throws Exception {
        try (LocalShuffleEnvironment env = environment("tm-1", 128, 64, null)) {
            TestingDataSet dataSet = new TestingDataSet(1, 2);
            ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
            assertThat(partition.getBufferSize() * 6).isLessThan(1000);
            List<byte[]> records = randomRecords(2_000, new Random(42));

            List<Future<TestingElementOutput<byte[]>>> results = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                NetworkInput<byte[]> input = new NetworkInput<>(
                        List.of(env.createInputGate("consumer-" + c, dataSet.gate(c, env.getConnectionId()))),
                        TestingBytesSerializer.INSTANCE);
                results.add(executor.submit(() -> {
                    TestingElementOutput<byte[]> output = new TestingElementOutput<>();
                    drain(input, output);
                    input.close();
                    return output;
                }));
            }
            Future<?> producer = executor.submit((Callable<Void>) () -> {
                RecordWriter<byte[]> writer = new RecordWriter<>(partition,
                        TestingChannelSelector.byFunction(r -> ByteArrays.getInt(r, 0)), TestingBytesSerializer.INSTANCE);
                for (int i = 0; i < records.size(); i++) {
                    emitWhenAvailable(writer, records.get(i), i % 2 == 1 ? i : NO_TIMESTAMP);
                }
                writer.finish();
                partition.close();
                return null;
            });
            producer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (int c = 0; c < 2; c++) {
                TestingElementOutput<byte[]> output = results.get(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                List<Integer> expectedIndexes = new ArrayList<>();
                for (int i = c; i < records.size(); i += 2) {
                    expectedIndexes.add(i);
                }
                assertThat(output.records).hasSize(expectedIndexes.size());
                for (int k = 0; k < expectedIndexes.size(); k++) {
                    int i = expectedIndexes.get(k);
                    assertThat(Arrays.equals(output.records.get(k), records.get(i))).as("record %d", i).isTrue();
                    assertThat(output.timestamps.get(k)).isEqualTo(i % 2 == 1 ? i : NO_TIMESTAMP);
                }
            }
            awaitAllBuffersReturned(env);
        }
    }

    /** Mostly small records, some spanning 2-4 buffers, some larger than the pool, one of 100 KB. */
    private static List<byte[]> randomRecords(int count, Random random) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size;
            int kind = random.nextInt(100);
            if (i == count / 2) {
                size = 100_000;
            } else if (kind < 70) {
                size = 4 + random.nextInt(40);
            } else if (kind < 97) {
                size = 100 + random.nextInt(400);
            } else {
                size = 1_000 + random.nextInt(5_000);
            }
            byte[] record = new byte[size];
            random.nextBytes(record);
            ByteArrays.putInt(record, 0, i);
            records.add(record);
        }
        return records;
    }

    /**
     * Two TaskManagers in one JVM: a consumer on tm-2 reads producers on tm-1 and tm-2 through
     * the in-JVM directory, and a producer on an unknown TaskManager is refused.
     */
    @Test
    void when_producerIsOnAnotherTaskManagerInTheJvm_then_channelsReadThroughMemory() throws Exception {
        InJvmPartitionDirectory directory = new InJvmPartitionDirectory();
        try (LocalShuffleEnvironment tm1 = environment("tm-1", 256, 64, directory);
                LocalShuffleEnvironment tm2 = environment("tm-2", 256, 64, directory)) {
            TestingDataSet dataSet = new TestingDataSet(2, 1);
            ResultPartitionWriter onTm1 = tm1.createResultPartition("producer-0", dataSet.partition(0));
            ResultPartitionWriter onTm2 = tm2.createResultPartition("producer-1", dataSet.partition(1));
            NetworkInput<Long> input = new NetworkInput<>(
                    List.of(tm2.createInputGate("consumer",
                            dataSet.gate(0, List.of(tm1.getConnectionId(), tm2.getConnectionId())))),
                    TestingLongSerializer.INSTANCE);
            Future<TestingElementOutput<Long>> result = executor.submit(() -> {
                TestingElementOutput<Long> output = new TestingElementOutput<>();
                drain(input, output);
                input.close();
                return output;
            });
            Future<?> p0 = executor.submit((Callable<Void>) () -> {
                produceRange(onTm1, 0, 5_000);
                return null;
            });
            Future<?> p1 = executor.submit((Callable<Void>) () -> {
                produceRange(onTm2, 100_000, 105_000);
                return null;
            });
            p0.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            p1.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            TestingElementOutput<Long> output = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(output.records.stream().filter(r -> r < 100_000))
                    .containsExactlyElementsOf(LongStream.range(0, 5_000).boxed().toList());
            assertThat(output.records.stream().filter(r -> r >= 100_000))
                    .containsExactlyElementsOf(LongStream.range(100_000, 105_000).boxed().toList());
            awaitAllBuffersReturned(tm1);
            awaitAllBuffersReturned(tm2);

            ConnectionID elsewhere = new ConnectionID("tm-9", "otherhost", 4711);
            assertThatThrownBy(() -> tm2.createInputGate("consumer-2", dataSet.gate(0, List.of(elsewhere, elsewhere))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("tm-9");
        }
    }

    private static void produceRange(ResultPartitionWriter partition, long from, long to) throws Exception {
        RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                TestingLongSerializer.INSTANCE);
        for (long v = from; v < to; v++) {
            emitWhenAvailable(writer, v, NO_TIMESTAMP);
        }
        writer.finish();
        partition.close();
    }

    /** A broadcast selector writes every record to every consumer. */
    @Test
    void when_selectorBroadcasts_then_everyConsumerGetsEveryRecord() throws Exception {
        try (LocalShuffleEnvironment env = environment("tm-1", 256, 64, null)) {
            TestingDataSet dataSet = new TestingDataSet(1, 3);
            ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
            List<NetworkInput<Long>> inputs = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                inputs.add(new NetworkInput<>(List.of(env.createInputGate("c" + c, dataSet.gate(c, env.getConnectionId()))),
                        TestingLongSerializer.INSTANCE));
            }
            List<Future<TestingElementOutput<Long>>> results = new ArrayList<>();
            for (NetworkInput<Long> input : inputs) {
                results.add(executor.submit(() -> {
                    TestingElementOutput<Long> output = new TestingElementOutput<>();
                    drain(input, output);
                    input.close();
                    return output;
                }));
            }
            RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.broadcast(),
                    TestingLongSerializer.INSTANCE);
            for (long v = 0; v < 3_000; v++) {
                emitWhenAvailable(writer, v, v);
            }
            writer.finish();
            partition.close();
            for (Future<TestingElementOutput<Long>> result : results) {
                TestingElementOutput<Long> output = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(output.records).containsExactlyElementsOf(LongStream.range(0, 3_000).boxed().toList());
                assertThat(output.timestamps).containsExactlyElementsOf(LongStream.range(0, 3_000).boxed().toList());
            }
            awaitAllBuffersReturned(env);
        }
    }
}
