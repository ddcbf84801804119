package org.millrace.task.operators;

import java.util.ArrayList;
import java.util.List;
import org.millrace.checkpoint.OperatorListState;
import org.millrace.graph.ObjectBytes;
import java.util.concurrent.CompletableFuture;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.source.InputStatus;
import org.millrace.api.source.ReaderOutput;
import org.millrace.api.source.Source;
import org.millrace.api.source.SourceReader;
import org.millrace.api.source.SourceReaderContext;
import org.millrace.api.source.SourceSplit;

/**
 * The head of a source chain: owns the {@link SourceReader} of this subtask and lets the task's
 * mailbox loop pull records from it batch by batch. At the end of a bounded input it emits the
 * final watermark ({@code Long.MAX_VALUE}) so event-time windows downstream fire. At a checkpoint it
 * stores the splits left to read with the reader's positions; a restored subtask reads those
 * instead of its assigned splits (after a change of parallelism they are dealt out anew).
 */
public final class SourceOperator<T, S extends SourceSplit> extends AbstractStreamOperator<T> {

    private static final long serialVersionUID = 1L;
    /** The operator list holding the remaining splits. */
    static final String SPLITS_STATE = "source-splits";

    private final Source<T, S> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private transient SourceReader<T, S> reader;
    private transient WatermarkEmitter<T> watermarks;
    private transient List<S> assignedSplits;
    private transient ReaderOutput<T> readerOutput;

    public SourceOperator(Source<T, S> source, WatermarkStrategy<T> watermarkStrategy) {
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, S> getSource() {
        return source;
    }

    /** The splits this subtask reads; set by the task before {@link #open()}. */
    public void assignSplits(List<S> splits) {
        this.assignedSplits = splits;
    }

    @Override
    public void open() throws Exception {
        RuntimeContext rc = context.getRuntimeContext();
        reader = source.createReader(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return rc.getTaskInfo().getIndexOfThisSubtask();
            }

            @Override
            public int getParallelism() {
                return rc.getTaskInfo().getNumberOfParallelSubtasks();
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return rc;
            }
        });
        readerOutput = watermarkStrategy.generatesWatermarks() ? watermarkingOutput() : plainOutput();
        reader.start();
        List<S> restored = restoredSplits();
        reader.addSplits(restored != null ? restored : assignedSplits == null ? List.of() : assignedSplits);
    }

    /** The splits (with positions) of the checkpoint this subtask restores, or null when it starts fresh. */
    @SuppressWarnings("unchecked")
    private List<S> restoredSplits() throws Exception {
        List<byte[]> entries = context.getRestoredListState(SPLITS_STATE);
        if (entries == null) {
            return null;
        }
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        List<S> splits = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            splits.add((S) ObjectBytes.deserialize(entry, classLoader));
        }
        return splits;
    }

    /** What is left to read: each split with the reader's position in it, one list entry per split. */
    @Override
    public void snapshotState(StateSnapshotContext snapshot) {
        List<S> remaining = reader.snapshotState(snapshot.getCheckpointId());
        List<byte[]> entries = new ArrayList<>(remaining.size());
        for (S split : remaining) {
            entries.add(ObjectBytes.serialize(split, "a split of source '" + context.getOperatorName() + "'"));
        }
        snapshot.putListState(SPLITS_STATE, OperatorListState.Distribution.SPLIT, entries);
    }

    private ReaderOutput<T> plainOutput() {
        Output<T> out = output;
        return new ReaderOutput<>() {
            @Override
            public void collect(T record) {
                out.collect(record, Output.NO_TIMESTAMP);
            }

            @Override
            public void collect(T record, long timestamp) {
                out.collect(record, timestamp);
            }
        };
    }

    private ReaderOutput<T> watermarkingOutput() {
        WatermarkEmitter<T> emitter = new WatermarkEmitter<>(watermarkStrategy, output);
        watermarks = emitter;
        long interval = context.getAutoWatermarkIntervalMillis();
        if (interval > 0) {
            context.getProcessingTimeService().scheduleAtFixedRate(t -> emitter.onPeriodicEmit(), interval, interval);
        }
        return new ReaderOutput<>() {
            @Override
            public void collect(T record) {
                emitter.collect(record, Output.NO_TIMESTAMP);
            }

            @Override
            public void collect(T record, long timestamp) {
                emitter.collect(record, timestamp);
            }
        };
    }

    /** Pulls the next batch from the reader. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return reader.isAvailable();
    }

    @Override
    public void finish() throws Exception {
        output.emitWatermark(Long.MAX_VALUE);
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }
}
