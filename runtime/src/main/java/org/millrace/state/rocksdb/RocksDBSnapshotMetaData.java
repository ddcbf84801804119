package org.millrace.state.rocksdb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.millrace.api.state.StateDescriptor;
import org.millrace.state.CheckpointOutputStream;
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
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(numberOfKeyGroups);
        out.writeInt(states.size());
        for (StateMetaInfo state : states) {
            out.writeUTF(state.name());
            out.writeByte(state.type().ordinal());
        }
        out.flush();
    }

    /** The states of a snapshot; fails if it was taken with another number of key groups. */
    static List<StateMetaInfo> read(StreamStateHandle handle, int numberOfKeyGroups) throws IOException {
        try (DataInputStream in = new DataInputStream(handle.openInputStream())) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(handle + " is not the meta data of an incremental RocksDB snapshot of version " + VERSION);
            }
            int snapshotKeyGroups = in.readInt();
            if (snapshotKeyGroups != numberOfKeyGroups) {
                throw new IOException("the snapshot has " + snapshotKeyGroups + " key groups (max parallelism), the backend "
                        + numberOfKeyGroups + "; the max parallelism of a job's state cannot change");
            }
            int count = in.readInt();
            List<StateMetaInfo> states = new ArrayList<>(count);
            StateDescriptor.Type[] types = StateDescriptor.Type.values();
            for (int i = 0; i < count; i++) {
                states.add(new StateMetaInfo(in.readUTF(), types[in.readByte()]));
            }
            return states;
        }
    }
}
