package org.millrace.network.netty;

import java.util.List;
import org.millrace.graph.IntermediateDataSetID;
import org.millrace.network.ConnectionID;
import org.millrace.network.InputChannelDeploymentDescriptor;
import org.millrace.network.InputGateDeploymentDescriptor;
import org.millrace.network.NetworkBufferSettings;
import org.millrace.network.NetworkInput;
import org.millrace.network.RecordWriter;
import org.millrace.network.ResultPartitionDeploymentDescriptor;
import org.millrace.network.ResultPartitionID;
import org.millrace.network.TestingChannelSelector;
import org.millrace.network.TestingLongSerializer;
import org.millrace.network.partition.ResultPartition;

/**
 * A manual benchmark (not a test): one producer thread on one {@link NettyShuffleEnvironment} sends
 * longs over one loopback connection to one consumer thread on another, with the default buffer
 * settings, and prints records and bytes per second. Run with
 * {@code java -cp <test classpath> org.millrace.network.netty.NettyThroughputBenchmark [records]}.
 */
public final class NettyThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 50_000_000L;
        NetworkBufferSettings settings = NetworkBufferSettings.defaults();
        try (NettyShuffleEnvironment tm1 = new NettyShuffleEnvironment("tm-1", new NettyConfig("localhost", 0, 1, 1), settings);
                NettyShuffleEnvironment tm2 = new NettyShuffleEnvironment("tm-2", new NettyConfig("localhost", 0, 1, 1), settings)) {
            ResultPartitionID partitionId = new ResultPartitionID(IntermediateDataSetID.random(), 0, 0);
            ResultPartition partition = tm1.createResultPartition("producer",
                    new ResultPartitionDeploymentDescriptor(partitionId, 1));
            NetworkInput<Long> input = new NetworkInput<>(List.of(tm2.createInputGate("consumer",
                    new InputGateDeploymentDescriptor(partitionId.dataSetId(), 0,
                            List.of(new InputChannelDeploymentDescriptor(partitionId, tm1.getConnectionId()))))),
                    TestingLongSerializer.INSTANCE);
            Thread producer = new Thread(() -> {
                try {
                    RecordWriter<Long> writer = new RecordWriter<>(partition, TestingChannelSelector.byFunction(r -> 0),
                            TestingLongSerializer.INSTANCE);
                    for (long i = 0; i < records; i++) {
                        if (!writer.isAvailable()) {
                            writer.getAvailableFuture().join();
                        }
                        writer.emit(i, Long.MIN_VALUE);
                    }
                    writer.finish();
                    writer.close();
                    partition.close();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "producer");
            long[] sum = new long[1];
            long start = System.nanoTime();
            producer.start();
            NettyShuffleEnvironmentTest.drain(input, new org.millrace.network.ElementOutput<Long>() {
                @Override
                public void emitRecord(Long record, long timestamp) {
                    sum[0] += record;
                }

                @Override
                public void emitWatermark(long watermark) {}
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            producer.join();
            input.close();
            if (sum[0] != records * (records - 1) / 2) {
                throw new AssertionError("wrong sum " + sum[0]);
            }
            System.out.printf("%d records in %.2f s: %.1f M records/s over one connection (%s)%n",
                    records, seconds, records / seconds / 1e6, settings);
        }
    }
}
