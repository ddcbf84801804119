package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.network.NetworkTestUtils.drainAvailable;
import static org.millrace.network.NetworkTestUtils.environment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.millrace.api.source.InputStatus;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * The record path allocates nothing per record: with a serializer that itself allocates nothing,
 * writing and reading a million records allocates only per buffer (far less than a byte per record).
 */
@Timeout(120)
class NoPerRecordAllocationTest {

    /** A mutable long, reused for every record. */
    static final class MutableLong {
        long value;
    }

    /** Reads into one shared instance, so deserializing allocates nothing. */
    static final class ReusingSerializer extends TypeSerializer<MutableLong> {
        private final MutableLong reuse = new MutableLong();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<MutableLong> duplicate() {
            return new ReusingSerializer();
        }

        @Override
        public MutableLong createInstance() {
            return new MutableLong();
        }

        @Override
        public MutableLong copy(MutableLong from) {
            MutableLong copy = new MutableLong();
            copy.value = from.value;
            return copy;
        }

        @Override
        public int getLength() {
            return 8;
        }

        @Override
        public void serialize(MutableLong record, DataOutputView target) throws IOException {
            target.writeLong(record.value);
        }

        @Override
        public MutableLong deserialize(DataInputView source) throws IOException {
            reuse.value = source.readLong();
            return reuse;
        }
    }

    /** Sums what it receives. */
    static final class SummingOutput implements ElementOutput<MutableLong> {
        long sum;
        long timestampSum;
        long count;

        @Override
        public void emitRecord(MutableLong record, long timestamp) {
            sum += record.value;
            timestampSum += timestamp;
            count++;
        }

        @Override
        public void emitWatermark(long watermark) {}
    }

    @Test
    void when_millionRecordsAreWrittenAndRead_then_allocationIsPerBufferNotPerRecord() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (LocalShuffleEnvironment env = environment("tm-1", 32 * 1024, 64, null)) {
            TestingDataSet dataSet = new TestingDataSet(1, 2);
            ResultPartitionWriter partition = env.createResultPartition("producer", dataSet.partition(0));
            RecordWriter<MutableLong> writer = new RecordWriter<>(partition,
                    TestingChannelSelector.byFunction(r -> (int) r.value), new ReusingSerializer());
            NetworkInput<MutableLong> input0 = new NetworkInput<>(List.of(env.createInputGate("c0",
                    dataSet.gate(0, env.getConnectionId()))), new ReusingSerializer());
            NetworkInput<MutableLong> input1 = new NetworkInput<>(List.of(env.createInputGate("c1",
                    dataSet.gate(1, env.getConnectionId()))), new ReusingSerializer());
            SummingOutput out = new SummingOutput();
            MutableLong record = new MutableLong();

            int batches = 1_000;
            int perBatch = 1_000;
            runBatches(writer, input0, input1, out, record, batches, perBatch); // warm up the JIT
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            runBatches(writer, input0, input1, out, record, batches, perBatch);
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

            long n = (long) batches * perBatch;
            assertThat(out.count).isEqualTo(2 * n);
            assertThat(out.sum).isEqualTo(2 * (n * (n - 1) / 2));
            assertThat(out.timestampSum).isEqualTo(2 * (n * (n - 1) / 2));
            assertThat(allocated).as("bytes allocated for %d records", n).isLessThan(n);

            writer.finish();
            partition.close();
            assertThat(drainAvailable(input0, out)).isEqualTo(InputStatus.END_OF_INPUT);
            assertThat(drainAvailable(input1, out)).isEqualTo(InputStatus.END_OF_INPUT);
            input0.close();
            input1.close();
            NetworkTestUtils.awaitAllBuffersReturned(env);
        }
    }

    private static void runBatches(RecordWriter<MutableLong> writer, NetworkInput<MutableLong> input0,
            NetworkInput<MutableLong> input1, SummingOutput out, MutableLong record, int batches, int perBatch)
            throws Exception {
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < perBatch; i++) {
                record.value = (long) b * perBatch + i;
                writer.emit(record, record.value);
            }
            writer.flushAll();
            drainAvailable(input0, out);
            drainAvailable(input1, out);
        }
    }
}
