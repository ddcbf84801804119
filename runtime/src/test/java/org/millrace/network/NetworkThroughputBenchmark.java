package org.millrace.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.millrace.api.source.InputStatus;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * A manual benchmark (not a test): one producer thread shuffles (String, long) records by key hash
 * to one consumer thread through a local channel, and prints records per second. Run with
 * {@code java -cp <test classpath> org.millrace.network.NetworkThroughputBenchmark [records]}.
 */
public final class NetworkThroughputBenchmark {

    record KeyValue(String key, long value) {}

    /** Latin-1 strings with a short length, then the long: a stand-in for a tuple serializer. */
    static final class KeyValueSerializer extends TypeSerializer<KeyValue> {
        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<KeyValue> duplicate() {
            return this;
        }

        @Override
        public KeyValue createInstance() {
            return null;
        }

        @Override
        public KeyValue copy(KeyValue from) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(KeyValue record, DataOutputView target) throws IOException {
            String key = record.key();
            target.writeShort(key.length());
            target.writeBytes(key);
            target.writeLong(record.value());
        }

        @Override
        public KeyValue deserialize(DataInputView source) throws IOException {
            int length = source.readUnsignedShort();
            byte[] bytes = new byte[length];
            source.readFully(bytes);
            return new KeyValue(new String(bytes, StandardCharsets.ISO_8859_1), source.readLong());
        }
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 50_000_000L;
        for (int round = 0; round < 3; round++) {
            run(records);
        }
    }

    private static void run(long records) throws Exception {
        try (LocalShuffleEnvironment env = new LocalShuffleEnvironment(
                new ConnectionID("tm", "localhost", 0), NetworkBufferSettings.defaults(), null)) {
            TestingDataSet dataSet = new TestingDataSet(1, 1);
            ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
            NetworkInput<KeyValue> input = new NetworkInput<>(
                    List.of(env.createInputGate("consumer", dataSet.gate(0, env.getConnectionId()))), new KeyValueSerializer());
            String[] keys = new String[1024];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "key-" + i * 7919;
            }
            long[] checksum = new long[1];
            Thread consumer = new Thread(() -> {
                ElementOutput<KeyValue> out = new ElementOutput<>() {
                    @Override
                    public void emitRecord(KeyValue record, long timestamp) {
                        checksum[0] += record.value() + record.key().length();
                    }

                    @Override
                    public void emitWatermark(long watermark) {}
                };
                try {
                    for (;;) {
                        InputStatus status = input.emitNext(out);
                        if (status == InputStatus.END_OF_INPUT) {
                            break;
                        }
                        if (status == InputStatus.NOTHING_AVAILABLE) {
                            input.getAvailableFuture().get(60, TimeUnit.SECONDS);
                        }
                    }
                    input.close();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "consumer");
            consumer.start();
            long start = System.nanoTime();
            RecordWriter<KeyValue> writer = new RecordWriter<>(partition,
                    TestingChannelSelector.byFunction(kv -> kv.key().hashCode()), new KeyValueSerializer());
            for (long i = 0; i < records; i++) {
                if (!writer.isAvailable()) {
                    writer.getAvailableFuture().get(60, TimeUnit.SECONDS);
                }
                writer.emit(new KeyValue(keys[(int) (i & 1023)], i), Long.MIN_VALUE);
            }
            writer.finish();
            partition.close();
            consumer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,d records in %.2f s: %,.0f records/s (checksum %d)%n",
                    records, seconds, records / seconds, checksum[0]);
        }
    }
}
