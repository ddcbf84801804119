package org.millrace.api.sink.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.millrace.api.fs.Path;
import org.millrace.api.sink.CommittingSinkWriter;
import org.millrace.api.sink.StatefulSinkWriter;
import org.millrace.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of one {@link FileSink} subtask: one in-progress part file per bucket, under a hidden
 * name ({@code .<final name>.inprogress}), rolled by the rolling policy and always at a checkpoint;
 * {@link #prepareCommit} hands the closed files over as committables. Part files are named
 * {@code <prefix>-<uuid>-<subtask>-<counter><suffix>} with a uuid drawn per writer instance, so a
 * restored writer never reuses a name of an earlier attempt. Called only from the sink task's
 * thread.
 */
final class FileWriter<IN> implements CommittingSinkWriter<IN, FileSinkCommittable>,
        StatefulSinkWriter<IN, FileSinkWriterState> {

    private static final Logger LOG = LoggerFactory.getLogger(FileWriter.class);

    static final String IN_PROGRESS_SUFFIX = ".inprogress";

    private final FileSystem fs;
    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;
    private final int subtaskIndex;
    private final String uuid;
    private final LongSupplier clock;
    private final AssignerContext assignerContext;

    /** The open part file of each bucket that has one; emptied at every checkpoint. */
    private final Map<String, InProgressPartFile<String>> inProgress = new HashMap<>();

    /** Part files rolled since the last {@link #prepareCommit}, closed and synced. */
    private List<FileSinkCommittable> rolled = new ArrayList<>();

    /** The bucket of the previous record and its part file: most records go where the previous one went. */
    private String lastBucketId;
    private InProgressPartFile<String> lastPart;

    private long nextPartCounter;
    private int recordsSinceTimeCheck;

    FileWriter(FileSystem fs, Path basePath, Encoder<IN> encoder, BucketAssigner<IN, String> bucketAssigner,
            RollingPolicy<IN, String> rollingPolicy, OutputFileConfig outputFileConfig, int subtaskIndex,
            LongSupplier clock) {
        this.fs = fs;
        this.basePath = basePath;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.outputFileConfig = outputFileConfig;
        this.subtaskIndex = subtaskIndex;
        this.uuid = UUID.randomUUID().toString();
        this.clock = clock;
        this.assignerContext = new AssignerContext(clock);
    }

    /** Logs what a restored writer's predecessors may have left behind; nothing else is needed (see FileSinkWriterState). */
    void logRecoveredState(Collection<FileSinkWriterState> recoveredState) {
        for (FileSinkWriterState state : recoveredState) {
            LOG.info("File sink subtask {} (writer {}) restored from writer {}: its hidden part files under {}"
                    + " named .{}-{}-{}-N{}{} with N >= {} were written after the checkpoint and never become visible;"
                    + " they may be deleted once no job writes them", subtaskIndex, uuid, state.getUuid(), basePath,
                    outputFileConfig.getPartPrefix(), state.getUuid(), state.getSubtaskIndex(),
                    outputFileConfig.getPartSuffix(), IN_PROGRESS_SUFFIX, state.getNextPartCounter());
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        assignerContext.recordContext = context;
        String bucketId = bucketAssigner.getBucketId(element, assignerContext);
        InProgressPartFile<String> part;
        if (bucketId == lastBucketId && lastPart != null) {
            part = lastPart;
        } else {
            part = inProgress.get(bucketId);
        }
        if (part != null && rollingPolicy.shouldRollOnEvent(part, element)) {
            roll(part);
            part = null;
        }
        if (part == null) {
            part = open(bucketId);
        }
        lastBucketId = bucketId;
        lastPart = part;
        encoder.encode(element, part);
        if (++recordsSinceTimeCheck >= FileSink.PROCESSING_TIME_CHECK_RECORDS) {
            recordsSinceTimeCheck = 0;
            rollOnProcessingTime();
        }
    }

    private InProgressPartFile<String> open(String bucketId) throws IOException {
        Path bucketPath = bucketPath(bucketId);
        String finalName = outputFileConfig.getPartPrefix() + '-' + uuid + '-' + subtaskIndex + '-' + nextPartCounter
                + outputFileConfig.getPartSuffix();
        nextPartCounter++;
        InProgressPartFile<String> part = new InProgressPartFile<>(fs, bucketId,
                new Path(bucketPath, "." + finalName + IN_PROGRESS_SUFFIX), new Path(bucketPath, finalName), clock.getAsLong());
        inProgress.put(bucketId, part);
        return part;
    }

    private Path bucketPath(String bucketId) {
        if (bucketId == null) {
            throw new NullPointerException("The bucket assigner " + bucketAssigner + " returned no bucket id (null);"
                    + " use \"\" for the base path itself");
        }
        if (bucketId.isEmpty()) {
            return basePath;
        }
        if (bucketId.startsWith("/") || bucketId.indexOf(':') >= 0 || hasDotSegment(bucketId)) {
            throw new IllegalArgumentException("A bucket id must be a relative directory below the base path " + basePath
                    + " (no leading '/', no ':', no '.' or '..' segment): '" + bucketId + "' from " + bucketAssigner);
        }
        return new Path(basePath, bucketId);
    }

    private static boolean hasDotSegment(String bucketId) {
        for (String segment : bucketId.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private void roll(InProgressPartFile<String> part) throws IOException {
        inProgress.remove(part.getBucketId());
        if (part == lastPart) {
            lastPart = null;
        }
        closeInto(part, rolled);
    }

    private void rollOnProcessingTime() throws IOException {
        long now = clock.getAsLong();
        for (Iterator<InProgressPartFile<String>> it = inProgress.values().iterator(); it.hasNext(); ) {
            InProgressPartFile<String> part = it.next();
            part.observe(now);
            if (rollingPolicy.shouldRollOnProcessingTime(part, now)) {
                it.remove();
                if (part == lastPart) {
                    lastPart = null;
                }
                closeInto(part, rolled);
            }
        }
    }

    /** Empty files are deleted instead: a commit must never make an empty part file visible. */
    private static void closeInto(InProgressPartFile<String> part, List<FileSinkCommittable> committables) throws IOException {
        if (part.getSize() == 0) {
            part.discard();
        } else {
            committables.add(part.closeForCommit());
        }
    }

    /** Nothing to do: part files stay hidden until committed, and {@link #prepareCommit} syncs them. */
    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        for (InProgressPartFile<String> part : inProgress.values()) {
            closeInto(part, rolled);
        }
        inProgress.clear();
        lastBucketId = null;
        lastPart = null;
        List<FileSinkCommittable> committables = rolled;
        rolled = new ArrayList<>();
        return committables;
    }

    @Override
    public List<FileSinkWriterState> snapshotState(long checkpointId) {
        return List.of(new FileSinkWriterState(uuid, subtaskIndex, nextPartCounter));
    }

    /**
     * Deletes the files no committable refers to yet: the in-progress ones and those rolled since
     * the last {@link #prepareCommit}. Files already handed out as committables stay: a checkpoint
     * may hold them. Failures are logged, not thrown, since close often runs on a failure path.
     */
    @Override
    public void close() {
        for (InProgressPartFile<String> part : inProgress.values()) {
            deleteQuietly(part);
        }
        inProgress.clear();
        lastPart = null;
        for (FileSinkCommittable committable : rolled) {
            try {
                fs.delete(committable.getPendingFile(), false);
            } catch (IOException e) {
                LOG.warn("Could not delete the uncommitted part file {}; it stays hidden", committable.getPendingFile(), e);
            }
        }
        rolled.clear();
    }

    private static void deleteQuietly(InProgressPartFile<String> part) {
        try {
            part.discard();
        } catch (IOException e) {
            LOG.warn("Could not delete the in-progress part file {}; it stays hidden", part.getInProgressPath(), e);
        }
    }

    String getUuid() {
        return uuid;
    }

    /** The assigner's view of the current record: the record context of the last write, and the clock. */
    private static final class AssignerContext implements BucketAssigner.Context {

        private final LongSupplier clock;
        Context recordContext;

        AssignerContext(LongSupplier clock) {
            this.clock = clock;
        }

        @Override
        public long currentProcessingTime() {
            return clock.getAsLong();
        }

        @Override
        public long currentWatermark() {
            return recordContext.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return recordContext.timestamp();
        }
    }
}
