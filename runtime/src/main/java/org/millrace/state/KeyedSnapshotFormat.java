package org.millrace.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.millrace.api.state.StateDescriptor;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;

/**
 * The key-grouped full snapshot format that both backends write and read, so a snapshot of one
 * restores into the other and into any split of its key groups (rescaling). Stateless; any thread.
 *
 * <h3>Layout</h3>
 * <pre>
 * header:     int MAGIC, int VERSION, int numberOfKeyGroups (max parallelism),
 *             int stateCount, stateCount x (UTF name, byte kind = StateDescriptor.Type ordinal)
 * key group:  (int stateIndex, (int keyLength &gt;= 0, key bytes, int valueLength, value bytes)*, int -1)*, int -1
 * </pre>
 * One key-group section per group of the snapshot's range, in order; the handle's
 * {@link KeyGroupRangeOffsets} says where each starts, so a restore seeks to the sections it owns.
 *
 * <h3>Entries</h3>
 * A key is the backend key without its key-group prefix: the key serializer's bytes, followed for
 * map state by the user key's bytes. A value is:
 * <ul>
 *   <li>value, reducing, aggregating state: the value (accumulator) serializer's bytes;
 *   <li>list state: the elements' bytes separated by {@link #LIST_DELIMITER} (RocksDB's string-append
 *       merge operator makes exactly this, so appends need no read);
 *   <li>map state: one entry per mapping; a boolean "value is null", then the value's bytes unless null.
 * </ul>
 */
public final class KeyedSnapshotFormat {

    public static final int MAGIC = 0x4d4b5331; // "MKS1"
    public static final int VERSION = 1;
    public static final int END = -1;
    /** Between list elements; serializers are self-delimiting, so the byte only has to be checked. */
    public static final byte LIST_DELIMITER = ',';

    private KeyedSnapshotFormat() {}

    /**
     * Writes a header: {@code magic}, {@code version}, the number of key groups and the states. Also
     * the layout of the RocksDB incremental snapshot's meta data, under its own magic number.
     */
    public static void writeHeader(DataOutputStream out, int magic, int version, int numberOfKeyGroups,
            List<StateMetaInfo> states) throws IOException {
        out.writeInt(magic);
        out.writeInt(version);
        out.writeInt(numberOfKeyGroups);
        out.writeInt(states.size());
        for (StateMetaInfo state : states) {
            out.writeUTF(state.name());
            out.writeByte(state.type().ordinal());
        }
    }

    /**
     * Reads a header written by {@link #writeHeader}: the states. Fails if it does not start with
     * {@code magic} and {@code version} ({@code what} names the expected kind of file in the error)
     * or was written with another number of key groups.
     */
    public static List<StateMetaInfo> readHeader(DataInputStream in, int magic, int version, int numberOfKeyGroups,
            String what) throws IOException {
        if (in.readInt() != magic || in.readInt() != version) {
            throw new IOException(what + " of version " + version + " expected");
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

    /** Writes {@code elements} (no nulls) in the list value format. */
    public static <T> void writeList(List<T> elements, TypeSerializer<T> serializer, DataOutputView out) throws IOException {
        for (int i = 0; i < elements.size(); i++) {
            T element = elements.get(i);
            if (element == null) {
                throw new NullPointerException("a ListState cannot hold null elements");
            }
            if (i > 0) {
                out.writeByte(LIST_DELIMITER);
            }
            serializer.serialize(element, out);
        }
    }

    /** Reads a list value (everything left in {@code in}) and appends the elements to {@code into}. */
    public static <T> void readList(DataInputDeserializer in, TypeSerializer<T> serializer, List<T> into) throws IOException {
        while (in.available() > 0) {
            into.add(serializer.deserialize(in));
            if (in.available() > 0) {
                byte delimiter = in.readByte();
                if (delimiter != LIST_DELIMITER) {
                    throw new IOException("corrupt list state: expected the delimiter, found byte " + delimiter);
                }
            }
        }
    }

    /** Writes a map state value: the null flag, then the value unless null. */
    public static <V> void writeMapValue(V value, TypeSerializer<V> serializer, DataOutputView out) throws IOException {
        out.writeBoolean(value == null);
        if (value != null) {
            serializer.serialize(value, out);
        }
    }

    public static <V> V readMapValue(DataInputDeserializer in, TypeSerializer<V> serializer) throws IOException {
        return in.readBoolean() ? null : serializer.deserialize(in);
    }
}
