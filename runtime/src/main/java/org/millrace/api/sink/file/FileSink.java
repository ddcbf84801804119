package org.millrace.api.sink.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.millrace.api.fs.Path;
import org.millrace.api.io.SimpleVersionedSerializer;
import org.millrace.api.sink.Committer;
import org.millrace.api.sink.CommitterInitContext;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.StatefulSinkWriter;
import org.millrace.api.sink.SupportsCommitter;
import org.millrace.api.sink.SupportsWriterState;
import org.millrace.api.sink.WriterInitContext;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem;

/**
 * An exactly-once sink writing records into part files below a base path, through
 * {@link FileSystem} (local disk, HDFS, ...). Each subtask writes one part file per bucket
 * (a subdirectory chosen by the {@link BucketAssigner}) under a hidden name
 * ({@code .part-<uuid>-<subtask>-<counter>.inprogress}). Part files go through three stages:
 * <ol>
 *   <li><b>in progress</b>: open and written; rolled by the {@link RollingPolicy}, and always at a
 *       checkpoint barrier;</li>
 *   <li><b>pending</b>: closed and synced, still hidden, named by a {@link FileSinkCommittable} in
 *       the checkpoint;</li>
 *   <li><b>committed</b>: renamed to {@code part-<uuid>-<subtask>-<counter><suffix>} when the
 *       checkpoint completes.</li>
 * </ol>
 * After a failure the job commits the restored checkpoint's pending files (again, harmlessly) and
 * writes the replayed records into new files, so the visible files hold every record exactly once;
 * what the failed attempt wrote after that checkpoint stays hidden. Readers must skip names
 * starting with '.' or '_' (Hadoop's input formats do; see {@link #listCommittedFiles}). Without
 * checkpointing, files are committed only at the end of input.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat(new Path("hdfs:///out"), new SimpleStringEncoder<String>())
 *         .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.ofMebiBytes(256)).build())
 *         .build());
 * }</pre>
 *
 * <p>An immutable value; each subtask works on its own deserialized copy (and so on its own bucket
 * assigner and encoder).
 *
 * @param <IN> the records written
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSinkCommittable>,
        SupportsWriterState<IN, FileSinkWriterState> {

    private static final long serialVersionUID = 1L;

    /** How many records a writer writes between two {@link RollingPolicy#shouldRollOnProcessingTime} rounds. */
    public static final int PROCESSING_TIME_CHECK_RECORDS = 256;

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;

    private FileSink(RowFormatBuilder<IN> builder) {
        this.basePath = builder.basePath;
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.outputFileConfig = builder.outputFileConfig;
    }

    /**
     * A sink encoding each record with {@code encoder} into part files below {@code basePath}; by
     * default all in {@code basePath} itself, rolled at 128 MiB, after 60 s and at every checkpoint.
     */
    public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return createWriter(context, System::currentTimeMillis);
    }

    /** {@link #createWriter(WriterInitContext)} with the clock of processing time and part-file ages (tests set it). */
    FileWriter<IN> createWriter(WriterInitContext context, LongSupplier clock) throws IOException {
        return new FileWriter<>(basePath.getFileSystem(), basePath, encoder, bucketAssigner, rollingPolicy,
                outputFileConfig, context.getIndexOfSubtask(), clock);
    }

    /**
     * A new writer, as {@link #createWriter} makes: it needs nothing from the restored states but
     * logs which hidden files their writers left behind (see {@link FileSinkWriterState}).
     */
    @Override
    public StatefulSinkWriter<IN, FileSinkWriterState> restoreWriter(WriterInitContext context,
            Collection<FileSinkWriterState> recoveredState) throws IOException {
        FileWriter<IN> writer = createWriter(context, System::currentTimeMillis);
        writer.logRecoveredState(recoveredState);
        return writer;
    }

    @Override
    public SimpleVersionedSerializer<FileSinkWriterState> getWriterStateSerializer() {
        return FileSinkWriterStateSerializer.INSTANCE;
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return FileSinkCommittableSerializer.INSTANCE;
    }

    public Path getBasePath() {
        return basePath;
    }

    /**
     * The committed (visible) files below {@code basePath}, in all bucket directories, sorted by
     * path: everything except names starting with '.' or '_' (in-progress and pending part files,
     * and whatever else is hidden by that convention). Empty if {@code basePath} does not exist.
     * Reads the directory tree once; meant for checking a job's output, not for use while the
     * listing races a running job's commits.
     */
    public static List<Path> listCommittedFiles(Path basePath) throws IOException {
        FileSystem fs = basePath.getFileSystem();
        List<Path> files = new ArrayList<>();
        try {
            collectVisibleFiles(fs, fs.listStatus(basePath), files);
        } catch (FileNotFoundException e) {
            return files;
        }
        files.sort(null);
        return files;
    }

    private static void collectVisibleFiles(FileSystem fs, FileStatus[] entries, List<Path> files) throws IOException {
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (entry.isDir()) {
                try {
                    collectVisibleFiles(fs, fs.listStatus(entry.getPath()), files);
                } catch (FileNotFoundException e) {
                    // removed since its parent was listed: nothing in it to report
                }
            } else {
                files.add(entry.getPath());
            }
        }
    }

    @Override
    public String toString() {
        return "FileSink(" + basePath + ", " + encoder + ", " + bucketAssigner + ", " + rollingPolicy + ", "
                + outputFileConfig + ")";
    }

    /**
     * Configures a row-format {@link FileSink}. Each {@code with...} call returns this builder;
     * used by one thread.
     *
     * @param <IN> the records written
     */
    public static final class RowFormatBuilder<IN> {

        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, String> bucketAssigner = new BasePathBucketAssigner<>();
        private RollingPolicy<IN, String> rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();

        private RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            this.encoder = Objects.requireNonNull(encoder, "encoder");
        }

        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, String> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
            return this;
        }

        /** Rolls by {@code policy} besides at every checkpoint, which always happens. */
        public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, String> policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public RowFormatBuilder<IN> withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }
}
