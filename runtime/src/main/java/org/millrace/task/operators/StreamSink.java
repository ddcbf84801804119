package org.millrace.task.operators;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.io.SimpleVersionedSerializer;
import org.millrace.api.sink.Committer;
import org.millrace.api.sink.CommitterInitContext;
import org.millrace.api.sink.CommittingSinkWriter;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.StatefulSinkWriter;
import org.millrace.api.sink.SupportsCommitter;
import org.millrace.api.sink.SupportsWriterState;
import org.millrace.api.sink.WriterInitContext;
import org.millrace.checkpoint.OperatorListState;

/**
 * Hands each record to the {@link SinkWriter} of this subtask and flushes it at end of input. For a
 * two-phase-commit sink ({@link SupportsCommitter}) it also runs the commit protocol described
 * there: committables prepared at each checkpoint are kept in the checkpoint and committed when it
 * completes; after a restore the restored ones are committed again before any record is written.
 * A writer with state ({@link SupportsWriterState}) is snapshotted at every checkpoint and restored.
 */
public final class StreamSink<T> extends AbstractStreamOperator<Object> implements OneInputStreamOperator<T, Object> {

    private static final long serialVersionUID = 1L;
    static final String COMMITTABLES_STATE = "sink-committables";
    static final String WRITER_STATE = "sink-writer-state";
    /** A committable the committer keeps asking to retry fails the task after this many attempts. */
    private static final int MAX_COMMIT_ATTEMPTS = 10;

    private final Sink<T> sink;
    private transient SinkWriter<T> writer;
    private transient RecordContext recordContext;
    /** Null unless the sink commits. */
    private transient Committer<Object> committer;
    /** Committables not committed yet, by the checkpoint they belong to; task thread only. */
    private transient TreeMap<Long, List<Object>> pendingCommittables;
    /** Prepared at the end of input; they belong to the next checkpoint. */
    private transient List<Object> preparedAtEndOfInput;

    public StreamSink(Sink<T> sink) {
        this.sink = sink;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        RuntimeContext rc = context.getRuntimeContext();
        WriterInitContext writerContext = new WriterInitContext() {
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
        };
        List<byte[]> restoredWriterState = context.getRestoredListState(WRITER_STATE);
        if (sink instanceof SupportsWriterState stateful && restoredWriterState != null) {
            writer = stateful.restoreWriter(writerContext, deserializeAll(stateful.getWriterStateSerializer(), restoredWriterState));
        } else {
            writer = sink.createWriter(writerContext);
        }
        recordContext = new RecordContext();
        if (sink instanceof SupportsCommitter committing) {
            committer = committing.createCommitter(new CommitterInitContext() {
                @Override
                public int getIndexOfSubtask() {
                    return writerContext.getIndexOfSubtask();
                }

                @Override
                public int getParallelism() {
                    return writerContext.getParallelism();
                }
            });
            pendingCommittables = new TreeMap<>();
            preparedAtEndOfInput = new ArrayList<>();
            List<byte[]> restored = context.getRestoredListState(COMMITTABLES_STATE);
            if (restored != null && !restored.isEmpty()) {
                // they belong to the checkpoint we restored, which is complete: commit them (again)
                commit(new ArrayList<>(deserializeAll(committing.getCommittableSerializer(), restored)));
            }
        }
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        recordContext.timestamp = timestamp;
        writer.write(value, recordContext);
    }

    @Override
    public void processWatermark(long watermark) {
        recordContext.watermark = watermark;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void snapshotState(StateSnapshotContext snapshot) throws Exception {
        long id = snapshot.getCheckpointId();
        if (committer != null) {
            List<Object> committables = new ArrayList<>(preparedAtEndOfInput);
            preparedAtEndOfInput.clear();
            writer.flush(false);
            committables.addAll(((CommittingSinkWriter<T, Object>) writer).prepareCommit());
            if (!committables.isEmpty()) {
                pendingCommittables.computeIfAbsent(id, k -> new ArrayList<>()).addAll(committables);
            }
            SimpleVersionedSerializer serializer = ((SupportsCommitter) sink).getCommittableSerializer();
            List<Object> all = new ArrayList<>();
            pendingCommittables.values().forEach(all::addAll);
            snapshot.putListState(COMMITTABLES_STATE, OperatorListState.Distribution.SPLIT, serializeAll(serializer, all));
        }
        if (writer instanceof StatefulSinkWriter stateful && sink instanceof SupportsWriterState withState) {
            snapshot.putListState(WRITER_STATE, OperatorListState.Distribution.SPLIT,
                    serializeAll(withState.getWriterStateSerializer(), stateful.snapshotState(id)));
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committer == null) {
            return;
        }
        List<Object> due = new ArrayList<>();
        Iterator<Map.Entry<Long, List<Object>>> it = pendingCommittables.headMap(checkpointId, true).entrySet().iterator();
        while (it.hasNext()) {
            due.addAll(it.next().getValue());
            it.remove();
        }
        commit(due);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finish() throws Exception {
        writer.flush(true);
        if (committer != null) {
            Collection<Object> last = ((CommittingSinkWriter<T, Object>) writer).prepareCommit();
            if (context.isCheckpointingEnabled()) {
                preparedAtEndOfInput.addAll(last); // committed with the final checkpoint
            } else {
                commit(new ArrayList<>(last));
            }
        }
    }

    /** Commits until every committable is committed (retrying those the committer asks to retry). */
    private void commit(List<Object> committables) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (Object c : committables) {
            requests.add(new Request(c));
        }
        while (!requests.isEmpty()) {
            committer.commit(new ArrayList<>(requests));
            List<Request> again = new ArrayList<>();
            for (Request r : requests) {
                if (r.failure != null) {
                    throw new IOException("Could not commit " + r.committable + ": " + r.failure.getMessage(), r.failure);
                }
                if (r.retry) {
                    if (r.retries >= MAX_COMMIT_ATTEMPTS) {
                        throw new IOException("Could not commit " + r.committable + ": still asked to retry after "
                                + MAX_COMMIT_ATTEMPTS + " attempts");
                    }
                    r.retry = false;
                    r.retries++;
                    again.add(r);
                }
            }
            requests = again;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            if (committer != null) {
                committer.close();
            }
        }
    }

    private static <E> List<byte[]> serializeAll(SimpleVersionedSerializer<E> serializer, List<E> items) throws IOException {
        List<byte[]> entries = new ArrayList<>(items.size());
        for (E item : items) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] data = serializer.serialize(item);
            out.writeInt(serializer.getVersion());
            out.write(data);
            out.flush();
            entries.add(bytes.toByteArray());
        }
        return entries;
    }

    private static <E> List<E> deserializeAll(SimpleVersionedSerializer<E> serializer, List<byte[]> entries) throws IOException {
        List<E> items = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry));
            int version = in.readInt();
            byte[] data = new byte[entry.length - 4];
            in.readFully(data);
            items.add(serializer.deserialize(version, data));
        }
        return items;
    }

    /** One committable handed to the committer, and what the committer said of it. Task thread. */
    private static final class Request implements Committer.CommitRequest<Object> {
        final Object committable;
        int retries;
        boolean retry;
        Throwable failure;

        Request(Object committable) {
            this.committable = committable;
        }

        @Override
        public Object getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalAlreadyCommitted() {}

        @Override
        public void retryLater() {
            retry = true;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable cause) {
            failure = cause;
        }
    }

    /** The per-record context, reused for every record. */
    private static final class RecordContext implements SinkWriter.Context {
        long timestamp = Output.NO_TIMESTAMP;
        long watermark = Long.MIN_VALUE;

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
        }
    }
}
