package org.millrace.state.rocksdb;

import java.io.IOException;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataOutputSerializer;

/**
 * Builds RocksDB keys {@code [2-byte key group][serialized key]} (map states append the serialized
 * user key) in one reusable buffer. The current key is serialized once per
 * {@link #keyChanged() change}, not per access. Used only from the task's thread.
 */
final class RocksKeyBuilder<K> {

    static final int KEY_GROUP_PREFIX_BYTES = 2;

    private final TypeSerializer<K> keySerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(128);
    private int prefixLength;
    private boolean stale = true;

    RocksKeyBuilder(TypeSerializer<K> keySerializer) {
        this.keySerializer = keySerializer;
    }

    void keyChanged() {
        stale = true;
    }

    /** The buffer holding the current key's prefix, positioned after it (a map state appends its user key). */
    DataOutputSerializer buildKey(K key, int keyGroup) throws IOException {
        if (stale) {
            out.clear();
            writeKeyGroup(out, keyGroup);
            keySerializer.serialize(key, out);
            prefixLength = out.length();
            stale = false;
        } else {
            out.setPosition(prefixLength);
        }
        return out;
    }

    /** Length of the current key's prefix (valid after {@link #buildKey}). */
    int prefixLength() {
        return prefixLength;
    }

    static void writeKeyGroup(DataOutputSerializer out, int keyGroup) {
        out.writeShort(keyGroup);
    }

    static void writeKeyGroup(byte[] target, int keyGroup) {
        target[0] = (byte) (keyGroup >>> 8);
        target[1] = (byte) keyGroup;
    }
}
