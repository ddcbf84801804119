package org.millrace.state.rocksdb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.millrace.state.CheckpointOutputStream;
import org.millrace.state.KeyedSnapshotFormat;
import org.millrace.state.StateMetaInfo;
import org.millrace.state.StreamStateHandle;

/**
 * The meta data stream of an incremental RocksDB snapshot: which states (column families) the
 * database files hold, and of which kind, so a restore can open the database with all its column
 * families. Layout: int MAGIC, int VERSION, int numberOfKeyGroups, int stateCount,
 * stateCount x (UTF name, byte kind = StateDescriptor.Type ordinal). Stateless; any thread.
 */
final class RocksDBSnapshotMetaData {

    static final int MAGIC = 0x4d524931; // "MRI1"
    static final int VERSION = 1;

    private RocksDBSnapshotMetaData() {}

    static void write(CheckpointOutputStream stream, int numberOfKeyGroups, List<StateMetaInfo> states) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        KeyedSnapshotFormat.writeHeader(out, MAGIC, VERSION, numberOfKeyGroups, states);
        out.flush();
    }

    /** The states of a snapshot; fails if it was taken with another number of key groups. */
    static List<StateMetaInfo> read(StreamStateHandle handle, int numberOfKeyGroups) throws IOException {
        try (DataInputStream in = new DataInputStream(handle.openInputStream())) {
            return KeyedSnapshotFormat.readHeader(in, MAGIC, VERSION, numberOfKeyGroups,
                    handle + " is not the meta data of an incremental RocksDB snapshot:");
        }
    }
}
