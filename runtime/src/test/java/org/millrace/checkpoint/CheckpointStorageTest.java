package org.millrace.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.millrace.api.JobID;
import org.millrace.state.ByteStreamStateHandle;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.CheckpointStreamFactory;
import org.millrace.state.FileStateHandle;
import org.millrace.state.KeyGroupRange;
import org.millrace.state.KeyGroupRangeOffsets;
import org.millrace.state.KeyGroupsStateHandle;
import org.millrace.state.StreamStateHandle;

/** Checkpoint storage on the local file system: layout, inline threshold, metadata written last, loading. */
class CheckpointStorageTest {

    @TempDir
    java.nio.file.Path dir;

    private final JobID jobId = JobID.generate();

    @Test
    void smallStreamsAreInlineAndLargeOnesAreFilesOfTheCheckpointDirectory() throws Exception {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(dir.toUri().toString(), null, jobId, 100);
        storage.initializeCheckpoint(3);
        CheckpointStreamFactory factory = storage.createStreamFactory(3, null);

        StreamStateHandle small = write(factory, new byte[50]);
        StreamStateHandle large = write(factory, new byte[5000]);

        assertThat(small).isInstanceOf(ByteStreamStateHandle.class);
        assertThat(large).isInstanceOf(FileStateHandle.class);
        assertThat(((FileStateHandle) large).getUri()).contains(jobId.toHexString() + "/chk-3/");
        assertThat(large.getStateSize()).isEqualTo(5000);
        try (var in = large.openInputStream()) {
            assertThat(in.readAllBytes()).hasSize(5000);
        }
    }

    @Test
    void aCheckpointWithoutItsMetadataIsNotACheckpoint() throws Exception {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(dir.toUri().toString(), null, jobId, 100);
        CheckpointStorageLocation location = storage.initializeCheckpoint(1);
        write(storage.createStreamFactory(1, null), new byte[1000]);
        // a crash before the metadata: state files, even an in-progress metadata file, but no _metadata
        Files.write(java.nio.file.Path.of(java.net.URI.create(location.getExternalPointer() + "/_metadata.inprogress")), new byte[] {1, 2});

        assertThatThrownBy(() -> CheckpointLoader.load(location.getExternalPointer()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("not a completed checkpoint or savepoint");
    }

    @Test
    void metadataWrittenByTheStorageLoadsBackEqual() throws Exception {
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(dir.toUri().toString(), null, jobId, 100);
        CheckpointStorageLocation location = storage.initializeCheckpoint(7);
        StreamStateHandle file = write(storage.createStreamFactory(7, null), new byte[3000]);
        OperatorID op = OperatorID.fromUid("count");
        KeyGroupsStateHandle keyed = new KeyGroupsStateHandle(
                new KeyGroupRangeOffsets(KeyGroupRange.of(0, 2), new long[] {0, 1000, 2000}), file);
        OperatorSubtaskState subtask = new OperatorSubtaskState(List.of(keyed), Map.of("source-splits",
                new OperatorListState("source-splits", OperatorListState.Distribution.SPLIT, List.of(new byte[] {9, 8}))));
        CheckpointMetadata metadata = new CheckpointMetadata(jobId, 7, 1234L, false,
                Map.of(op, new OperatorState(op, 2, 128, Map.of(1, subtask))));

        location.writeMetadata(CheckpointMetadataSerializer.serialize(metadata));
        CheckpointMetadata loaded = CheckpointLoader.load(location.getExternalPointer());

        assertThat(loaded.checkpointId()).isEqualTo(7);
        assertThat(loaded.jobId()).isEqualTo(jobId);
        OperatorState state = loaded.operatorStates().get(op);
        assertThat(state.parallelism()).isEqualTo(2);
        assertThat(state.maxParallelism()).isEqualTo(128);
        OperatorSubtaskState back = state.subtaskStates().get(1);
        KeyGroupsStateHandle backKeyed = (KeyGroupsStateHandle) back.keyedState().get(0);
        assertThat(backKeyed.getKeyGroupRange()).isEqualTo(KeyGroupRange.of(0, 2));
        assertThat(backKeyed.getOffsets().getKeyGroupOffset(2)).isEqualTo(2000);
        assertThat(backKeyed.getDelegateStateHandle()).isEqualTo(file);
        assertThat(back.listStates().get("source-splits").entries().get(0)).containsExactly(9, 8);
        assertThat(Files.list(java.nio.file.Path.of(java.net.URI.create(location.getExternalPointer())))
                .map(p -> p.getFileName().toString())).contains("_metadata").doesNotContain("_metadata.inprogress");
    }

    @Test
    void aFileThatIsNoMetadataIsRejectedClearly() throws Exception {
        java.nio.file.Path bogus = Files.writeString(dir.resolve("_metadata"), "hello");
        assertThatThrownBy(() -> CheckpointLoader.load(bogus.toUri().toString()))
                .hasMessageContaining("is not a Millrace checkpoint metadata file");
    }

    private static StreamStateHandle write(CheckpointStreamFactory factory, byte[] bytes) throws Exception {
        try (CheckpointOutputStream out = factory.createCheckpointOutputStream()) {
            out.write(bytes, 0, bytes.length);
            return out.closeAndGetHandle();
        }
    }
}
