package org.millrace.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.millrace.api.JobID;
import org.millrace.checkpoint.metadata.CheckpointMetadataRecord;
import org.millrace.checkpoint.metadata.FileHandleRecord;
import org.millrace.checkpoint.metadata.IncrementalHandleRecord;
import org.millrace.checkpoint.metadata.InlineHandleRecord;
import org.millrace.checkpoint.metadata.KeyGroupsHandleRecord;
import org.millrace.checkpoint.metadata.KeyedHandleRecord;
import org.millrace.checkpoint.metadata.ListDistribution;
import org.millrace.checkpoint.metadata.ListStateRecord;
import org.millrace.checkpoint.metadata.OperatorStateRecord;
import org.millrace.checkpoint.metadata.StreamHandleRecord;
import org.millrace.checkpoint.metadata.SubtaskStateRecord;
import org.millrace.state.ByteStreamStateHandle;
import org.millrace.state.FileStateHandle;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupRangeOffsets;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StreamStateHandle;

/**
 * Writes and reads {@link CheckpointMetadata} in the Avro format of {@code checkpoint-metadata.avdl}:
 * a 4-byte magic number, then one {@code CheckpointMetadataRecord}. Stateless; any thread.
 */
public final class CheckpointMetadataSerializer {

    /** "MRCK": tells a metadata file from anything else at a glance. */
    private static final int MAGIC = 0x4d52434b;
    static final int FORMAT_VERSION = 1;

    private CheckpointMetadataSerializer() {}

    public static byte[] serialize(CheckpointMetadata metadata) throws IOException {
        List<OperatorStateRecord> operators = new ArrayList<>();
        for (OperatorState op : metadata.operatorStates().values()) {
            List<SubtaskStateRecord> subtasks = new ArrayList<>();
            for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtaskStates().entrySet()) {
                List<KeyedHandleRecord> keyed = new ArrayList<>();
                for (KeyedStateHandle h : e.getValue().keyedState()) {
                    keyed.add(toRecord(h));
                }
                List<ListStateRecord> lists = new ArrayList<>();
                for (OperatorListState l : e.getValue().listStates().values()) {
                    List<ByteBuffer> entries = new ArrayList<>(l.entries().size());
                    l.entries().forEach(b -> entries.add(ByteBuffer.wrap(b)));
                    lists.add(new ListStateRecord(l.name(), ListDistribution.valueOf(l.distribution().name()), entries));
                }
                subtasks.add(new SubtaskStateRecord(e.getKey(), keyed, lists));
            }
            operators.add(new OperatorStateRecord(op.operatorId().hex(), op.parallelism(), op.maxParallelism(), subtasks));
        }
        CheckpointMetadataRecord record = new CheckpointMetadataRecord(FORMAT_VERSION, metadata.jobId().toHexString(),
                metadata.checkpointId(), metadata.timestamp(), metadata.savepoint(), operators);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) (MAGIC >>> 24), (byte) (MAGIC >>> 16), (byte) (MAGIC >>> 8), (byte) MAGIC});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CheckpointMetadataRecord.class).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    public static CheckpointMetadata deserialize(byte[] bytes, String where) throws IOException {
        if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new IOException(where + " is not a Millrace checkpoint metadata file");
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 4, bytes.length - 4, null);
        CheckpointMetadataRecord record;
        try {
            record = new SpecificDatumReader<>(CheckpointMetadataRecord.class).read(null, decoder);
        } catch (RuntimeException e) {
            throw new IOException("Corrupt checkpoint metadata in " + where, e);
        }
        if (record.getFormatVersion() != FORMAT_VERSION) {
            throw new IOException("Checkpoint metadata " + where + " has format version " + record.getFormatVersion()
                    + "; this Millrace reads version " + FORMAT_VERSION);
        }
        Map<OperatorID, OperatorState> operators = new HashMap<>();
        for (OperatorStateRecord op : record.getOperators()) {
            Map<Integer, OperatorSubtaskState> subtasks = new HashMap<>();
            for (SubtaskStateRecord s : op.getSubtasks()) {
                List<KeyedStateHandle> keyed = new ArrayList<>();
                for (KeyedHandleRecord h : s.getKeyedState()) {
                    keyed.add(fromRecord(h));
                }
                Map<String, OperatorListState> lists = new HashMap<>();
                for (ListStateRecord l : s.getListStates()) {
                    List<byte[]> entries = new ArrayList<>();
                    for (ByteBuffer b : l.getEntries()) {
                        byte[] copy = new byte[b.remaining()];
                        b.get(copy);
                        entries.add(copy);
                    }
                    lists.put(l.getName(), new OperatorListState(l.getName(),
                            OperatorListState.Distribution.valueOf(l.getDistribution().name()), entries));
                }
                subtasks.put(s.getSubtaskIndex(), new OperatorSubtaskState(keyed, lists));
            }
            OperatorID id = new OperatorID(op.getOperatorId());
            operators.put(id, new OperatorState(id, op.getParallelism(), op.getMaxParallelism(), subtasks));
        }
        return new CheckpointMetadata(JobID.fromHexString(record.getJobId()), record.getCheckpointId(),
                record.getTimestamp(), record.getSavepoint(), operators);
    }

    private static KeyedHandleRecord toRecord(KeyedStateHandle handle) {
        if (handle instanceof KeyGroupsStateHandle h) {
            KeyGroupRangeOffsets offsets = h.getOffsets();
            KeyGroupRange range = offsets.getKeyGroupRange();
            List<Long> list = new ArrayList<>(range.getNumberOfKeyGroups());
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                list.add(offsets.getKeyGroupOffset(kg));
            }
            return new KeyedHandleRecord(new KeyGroupsHandleRecord(range.getStartKeyGroup(), list, toRecord(h.getDelegateStateHandle())));
        }
        if (handle instanceof IncrementalRemoteKeyedStateHandle h) {
            return new KeyedHandleRecord(new IncrementalHandleRecord(h.getBackendIdentifier(), h.getCheckpointId(),
                    h.getKeyGroupRange().getStartKeyGroup(), h.getKeyGroupRange().getEndKeyGroup(),
                    toRecords(h.getSharedState()), toRecords(h.getPrivateState()), toRecord(h.getMetaStateHandle())));
        }
        throw new IllegalArgumentException("cannot write keyed state handle " + handle.getClass().getName() + " to metadata");
    }

    private static KeyedStateHandle fromRecord(KeyedHandleRecord record) throws IOException {
        if (record.getHandle() instanceof KeyGroupsHandleRecord h) {
            long[] offsets = new long[h.getOffsets().size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = h.getOffsets().get(i);
            }
            KeyGroupRange range = KeyGroupRange.of(h.getStartKeyGroup(), h.getStartKeyGroup() + offsets.length - 1);
            return new KeyGroupsStateHandle(new KeyGroupRangeOffsets(range, offsets), fromRecord(h.getStream()));
        }
        if (record.getHandle() instanceof IncrementalHandleRecord h) {
            // the bytes uploaded for that checkpoint are not recorded: the handle reports its whole size
            return new IncrementalRemoteKeyedStateHandle(h.getBackendId(), h.getCheckpointId(),
                    KeyGroupRange.of(h.getStartKeyGroup(), h.getEndKeyGroup()), fromRecords(h.getSharedFiles()),
                    fromRecords(h.getPrivateFiles()), fromRecord(h.getMetaData()), -1);
        }
        throw new IOException("unknown keyed state handle in metadata: " + record.getHandle().getClass().getSimpleName());
    }

    private static Map<String, StreamHandleRecord> toRecords(Map<String, StreamStateHandle> handles) {
        Map<String, StreamHandleRecord> records = new HashMap<>();
        handles.forEach((name, handle) -> records.put(name, toRecord(handle)));
        return records;
    }

    private static Map<String, StreamStateHandle> fromRecords(Map<String, StreamHandleRecord> records) throws IOException {
        Map<String, StreamStateHandle> handles = new HashMap<>();
        for (Map.Entry<String, StreamHandleRecord> e : records.entrySet()) {
            handles.put(e.getKey(), fromRecord(e.getValue()));
        }
        return handles;
    }

    static StreamHandleRecord toRecord(StreamStateHandle handle) {
        if (handle instanceof FileStateHandle f) {
            return new StreamHandleRecord(new FileHandleRecord(f.getUri(), f.getStateSize()));
        }
        if (handle instanceof ByteStreamStateHandle b) {
            return new StreamHandleRecord(new InlineHandleRecord(b.getName(), ByteBuffer.wrap(b.getData())));
        }
        throw new IllegalArgumentException("cannot write state handle " + handle.getClass().getName() + " to metadata");
    }

    static StreamStateHandle fromRecord(StreamHandleRecord record) throws IOException {
        Object h = record.getHandle();
        if (h instanceof FileHandleRecord f) {
            return new FileStateHandle(f.getUri(), f.getSize());
        }
        if (h instanceof InlineHandleRecord i) {
            ByteBuffer b = i.getData();
            byte[] data = new byte[b.remaining()];
            b.get(data);
            return new ByteStreamStateHandle(i.getName(), data);
        }
        throw new IOException("unknown state handle in metadata: " + h);
    }
}
