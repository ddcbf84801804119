package org.millrace.configuration;

import java.time.Duration;
import org.millrace.api.CheckpointingMode;

/** State backend, checkpoints and savepoints. Constants; any thread. */
public final class CheckpointingOptions {

    private CheckpointingOptions() {}

    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type")
            .stringType()
            .defaultValue("hashmap")
            .withDescription("Where keyed state lives: hashmap (objects on the heap) or rocksdb (on local disk).");

    public static final ConfigOption<String> ROCKSDB_LOCAL_DIRECTORY = ConfigOptions.key("state.backend.rocksdb.localdir")
            .stringType()
            .noDefaultValue()
            .withDescription("Local directory where the rocksdb backend keeps its working files (one subdirectory"
                    + " per keyed operator subtask, deleted when it ends); unset: the JVM's temporary directory.");

    public static final ConfigOption<MemorySize> ROCKSDB_MANAGED_MEMORY_SIZE = ConfigOptions
            .key("state.backend.rocksdb.memory.managed-size")
            .memoryType()
            .checking(m -> m.getBytes() >= 1024 * 1024, "at least 1 mb")
            .defaultValue(MemorySize.ofMebiBytes(64))
            .withDescription("Memory of the rocksdb backend per keyed operator subtask: block cache and write buffers"
                    + " (memtables) share it, so RocksDB's native memory stays within it.");

    public static final ConfigOption<Double> ROCKSDB_WRITE_BUFFER_RATIO = ConfigOptions
            .key("state.backend.rocksdb.memory.write-buffer-ratio")
            .doubleType()
            .checking(r -> r > 0 && r < 1, "between 0 and 1, exclusive")
            .defaultValue(0.5)
            .withDescription("Share of the rocksdb managed memory that write buffers (memtables) may use; the rest"
                    + " caches blocks.");

    public static final ConfigOption<MemorySize> ROCKSDB_VALUE_CACHE_SIZE = ConfigOptions
            .key("state.backend.rocksdb.value-cache.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(16))
            .withDescription("Heap per keyed operator subtask of the rocksdb backend for a write-back cache of"
                    + " ValueState: the serialized values of the keys used last, written to RocksDB when evicted and"
                    + " before each snapshot, so a key updated often between checkpoints costs one RocksDB write."
                    + " 0 turns it off.");

    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = ConfigOptions.key("state.backend.incremental")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether the rocksdb backend takes incremental checkpoints: only SST files new since its"
                    + " last checkpoint are uploaded, the others are shared with earlier checkpoints (in the job's"
                    + " shared/ directory). Needs execution.checkpointing.dir; savepoints are always full.");

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = ConfigOptions.key("execution.checkpointing.interval")
            .durationType()
            .checking(d -> !d.isZero(), "longer than 0")
            .noDefaultValue()
            .withDescription("Time between the starts of two checkpoints; unset: no checkpoints.");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = ConfigOptions.key("execution.checkpointing.timeout")
            .durationType()
            .checking(d -> !d.isZero(), "longer than 0")
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("Time a checkpoint may take before it is aborted as failed.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = ConfigOptions.key("execution.checkpointing.min-pause")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next, so processing"
                    + " makes progress when checkpoints take longer than the interval.");

    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS = ConfigOptions
            .key("execution.checkpointing.tolerable-failed-checkpoints")
            .intType()
            .checking(n -> n >= 0, "at least 0")
            .defaultValue(0)
            .withDescription("Checkpoint failures in a row the job tolerates; one more fails the job (and its"
                    + " restart strategy applies).");

    public static final ConfigOption<CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE = ConfigOptions
            .key("execution.checkpointing.mode")
            .enumType(CheckpointingMode.class)
            .defaultValue(CheckpointingMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE (tasks with several inputs align barriers, so each record affects the"
                    + " state once) or AT_LEAST_ONCE (no alignment: lower latency, records may be replayed into"
                    + " state after a recovery).");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key("execution.checkpointing.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory (URI: file:///..., hdfs://...) where checkpoints are written; unset: state is"
                    + " kept in the JobManager's memory (recovers task failures, nothing more).");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOptions.key("execution.checkpointing.savepoint-dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Default directory (URI) for savepoints taken without an explicit target.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = ConfigOptions.key("state.checkpoints.num-retained")
            .intType()
            .checking(n -> n >= 1, "at least 1")
            .defaultValue(1)
            .withDescription("Completed checkpoints kept; older ones are deleted.");

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.savepoint.path")
            .stringType()
            .noDefaultValue()
            .withDescription("Savepoint (or retained checkpoint) a job restores its state from; 'run -s' sets it.");

    public static final ConfigOption<MemorySize> INLINE_THRESHOLD = ConfigOptions.key("execution.checkpointing.data-inline-threshold")
            .memoryType()
            .defaultValue(MemorySize.parse("20kb"))
            .withDescription("State streams smaller than this go into the checkpoint metadata instead of a file of their own.");
}
