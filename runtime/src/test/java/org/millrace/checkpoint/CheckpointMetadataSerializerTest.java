package org.millrace.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.millrace.api.JobID;
import org.millrace.state.ByteStreamStateHandle;
import org.millrace.state.FileStateHandle;
import org.millrace.state.IncrementalRemoteKeyedStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupRangeOffsets;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.KeyedStateHandle;
import org.millrace.state.StreamStateHandle;

/** Round trips of {@link CheckpointMetadataSerializer} with full and incremental keyed state handles. */
class CheckpointMetadataSerializerTest {

    @Test
    void metadata_with_an_incremental_and_a_full_handle_round_trips() throws Exception {
        IncrementalRemoteKeyedStateHandle incremental = new IncrementalRemoteKeyedStateHandle("backend-1", 7,
                KeyGroupRange.of(0, 63),
                Map.of("000009.sst", new FileStateHandle("file:///ckpt/job/shared/state-a", 1234),
                        "000012.sst", new FileStateHandle("file:///ckpt/job/shared/state-b", 99)),
                Map.of("CURRENT", new ByteStreamStateHandle("inline-1", "MANIFEST-000005\n".getBytes(StandardCharsets.UTF_8)),
                        "MANIFEST-000005", new FileStateHandle("file:///ckpt/job/chk-7/state-c", 30_000)),
                new ByteStreamStateHandle("inline-2", new byte[] {1, 2, 3}), 100);
        KeyGroupsStateHandle full = new KeyGroupsStateHandle(
                new KeyGroupRangeOffsets(KeyGroupRange.of(64, 66), new long[] {16, 40, 90}),
                new FileStateHandle("file:///ckpt/job/chk-7/state-d", 500));
        OperatorID op = OperatorID.fromUid("counter");
        CheckpointMetadata metadata = new CheckpointMetadata(JobID.generate(), 7, 1000, false, Map.of(op,
                new OperatorState(op, 2, 128, Map.of(
                        0, new OperatorSubtaskState(List.of(incremental), Map.of()),
                        1, new OperatorSubtaskState(List.of(full), Map.of())))));

        CheckpointMetadata read = CheckpointMetadataSerializer.deserialize(CheckpointMetadataSerializer.serialize(metadata), "test");

        assertThat(read.jobId()).isEqualTo(metadata.jobId());
        assertThat(read.checkpointId()).isEqualTo(7);
        KeyedStateHandle readIncremental = read.operatorStates().get(op).subtaskStates().get(0).keyedState().get(0);
        assertThat(readIncremental).isInstanceOf(IncrementalRemoteKeyedStateHandle.class);
        IncrementalRemoteKeyedStateHandle h = (IncrementalRemoteKeyedStateHandle) readIncremental;
        assertThat(h.getBackendIdentifier()).isEqualTo("backend-1");
        assertThat(h.getCheckpointId()).isEqualTo(7);
        assertThat(h.getKeyGroupRange()).isEqualTo(KeyGroupRange.of(0, 63));
        assertThat(h.getSharedState()).isEqualTo(incremental.getSharedState()); // file handles compare by URI and size
        assertThat(h.getPrivateState().keySet()).containsExactlyInAnyOrder("CURRENT", "MANIFEST-000005");
        assertThat(h.getPrivateState().get("MANIFEST-000005")).isEqualTo(incremental.getPrivateState().get("MANIFEST-000005"));
        assertThat(bytes(h.getPrivateState().get("CURRENT"))).isEqualTo("MANIFEST-000005\n");
        assertThat(bytes(h.getMetaStateHandle())).isEqualTo(new String(new byte[] {1, 2, 3}, StandardCharsets.ISO_8859_1));
        assertThat(h.getStateSize()).isEqualTo(incremental.getStateSize());
        // what was uploaded for checkpoint 7 is not in the metadata: read back, the whole size counts
        assertThat(h.getCheckpointedSize()).isEqualTo(h.getStateSize());

        KeyGroupsStateHandle readFull = (KeyGroupsStateHandle) read.operatorStates().get(op).subtaskStates().get(1)
                .keyedState().get(0);
        assertThat(readFull.getKeyGroupRange()).isEqualTo(KeyGroupRange.of(64, 66));
        assertThat(readFull.getOffsets().getKeyGroupOffset(65)).isEqualTo(40);
        assertThat(readFull.getDelegateStateHandle()).isEqualTo(full.getDelegateStateHandle());
    }

    @Test
    void completed_checkpoint_counts_all_files_of_an_incremental_handle_and_knows_the_shared_ones() {
        FileStateHandle sst = new FileStateHandle("file:///c/job/shared/state-a", 10);
        FileStateHandle manifest = new FileStateHandle("file:///c/job/chk-1/state-b", 20_000);
        FileStateHandle meta = new FileStateHandle("file:///c/job/chk-1/state-c", 30_000);
        IncrementalRemoteKeyedStateHandle handle = new IncrementalRemoteKeyedStateHandle("b", 1, KeyGroupRange.of(0, 127),
                Map.of("1.sst", sst), Map.of("MANIFEST-1", manifest, "CURRENT", new ByteStreamStateHandle("i", new byte[4])),
                meta, 30_014);
        OperatorID op = OperatorID.fromUid("x");
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(new CheckpointMetadata(JobID.generate(), 1, 0, false,
                Map.of(op, new OperatorState(op, 1, 128, Map.of(0, new OperatorSubtaskState(List.of(handle), Map.of()))))),
                null, 0);

        assertThat(checkpoint.stateFiles()).containsExactlyInAnyOrder(sst, manifest, meta); // inline CURRENT has no file
        assertThat(checkpoint.sharedStateFiles()).containsExactly(sst);
    }

    private static String bytes(StreamStateHandle handle) throws Exception {
        try (var in = handle.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
