package org.millrace.network;

import org.millrace.configuration.Configuration;
import org.millrace.configuration.NetworkOptions;
import org.millrace.configuration.TaskManagerOptions;
import org.millrace.network.serialization.StreamElementFormat;

/**
 * Sizes of a TaskManager's network buffers: segment size and count of the TaskManager-wide pool,
 * and how many buffers each result partition may use ({@code numberOfSubpartitions + 1} guaranteed,
 * up to {@code numberOfSubpartitions * buffersPerChannel + floatingBuffersPerGate}). Immutable.
 */
public record NetworkBufferSettings(int segmentSize, int numberOfBuffers, int buffersPerChannel, int floatingBuffersPerGate) {

    public NetworkBufferSettings {
        if (segmentSize < StreamElementFormat.MIN_BUFFER_SIZE) {
            throw new IllegalArgumentException("segment size " + segmentSize + " is below the minimum of "
                    + StreamElementFormat.MIN_BUFFER_SIZE + " bytes");
        }
        if (numberOfBuffers < 1 || buffersPerChannel < 0 || floatingBuffersPerGate < 0) {
            throw new IllegalArgumentException("invalid network buffer settings: " + numberOfBuffers + " buffers, "
                    + buffersPerChannel + " per channel, " + floatingBuffersPerGate + " floating");
        }
    }

    /** {@code networkMemory / segmentSize} buffers, 2 per channel, 8 floating. */
    public static NetworkBufferSettings of(long networkMemory, int segmentSize) {
        return new NetworkBufferSettings(segmentSize, buffersFor(networkMemory, segmentSize),
                NetworkOptions.NETWORK_BUFFERS_PER_CHANNEL.defaultValue(),
                NetworkOptions.NETWORK_FLOATING_BUFFERS_PER_GATE.defaultValue());
    }

    /** The configuration defaults: 64 MiB of 32 KiB buffers (2048), 2 per channel, 8 floating. */
    public static NetworkBufferSettings defaults() {
        return fromConfiguration(new Configuration());
    }

    /**
     * From {@code taskmanager.memory.network.size}, {@code taskmanager.memory.segment-size},
     * {@code taskmanager.network.memory.buffers-per-channel} and
     * {@code taskmanager.network.memory.floating-buffers-per-gate}.
     */
    public static NetworkBufferSettings fromConfiguration(Configuration configuration) {
        int segmentSize = Math.toIntExact(configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes());
        return new NetworkBufferSettings(
                segmentSize,
                buffersFor(configuration.get(TaskManagerOptions.NETWORK_MEMORY_SIZE).getBytes(), segmentSize),
                configuration.get(NetworkOptions.NETWORK_BUFFERS_PER_CHANNEL),
                configuration.get(NetworkOptions.NETWORK_FLOATING_BUFFERS_PER_GATE));
    }

    private static int buffersFor(long networkMemory, int segmentSize) {
        long n = networkMemory / segmentSize;
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(networkMemory + " bytes of network memory do not make a usable number"
                    + " of " + segmentSize + "-byte buffers");
        }
        return (int) n;
    }

    /** Guaranteed buffers of a partition with {@code subpartitions} subpartitions: one per subpartition plus one. */
    public int minBuffersPerPartition(int subpartitions) {
        return subpartitions + 1;
    }

    /** Most buffers a partition with {@code subpartitions} subpartitions may hold. */
    public int maxBuffersPerPartition(int subpartitions) {
        long max = (long) subpartitions * buffersPerChannel + floatingBuffersPerGate;
        return (int) Math.max(minBuffersPerPartition(subpartitions), Math.min(max, Integer.MAX_VALUE));
    }
}
