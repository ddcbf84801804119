package org.millrace.state.rocksdb;

import java.io.IOException;
import org.millrace.api.state.State;
import org.millrace.state.StateAccessException;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Base of the RocksDB states: one column family, keys built by the backend's
 * {@link RocksKeyBuilder}, values serialized into a reusable buffer. Used only from the task's thread.
 */
abstract class AbstractRocksDBState<K> implements State {

    final RocksDBKeyedStateBackend<K> backend;
    final RocksDB db;
    final ColumnFamilyHandle column;
    final WriteOptions writeOptions;
    final DataOutputSerializer valueOut = new DataOutputSerializer(128);
    final DataInputDeserializer in = new DataInputDeserializer();
    /** Point reads land here instead of a new array per read; grows to the largest value read. */
    private byte[] readBuffer = new byte[256];
    /** Length of the value the last successful {@link #readValue} read. */
    private int readLength;

    AbstractRocksDBState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column) {
        this.backend = backend;
        this.db = backend.db();
        this.column = column;
        this.writeOptions = backend.writeOptions();
    }

    /** The current key's RocksDB key, in the backend's shared buffer. */
    final DataOutputSerializer key() throws IOException {
        return backend.buildCurrentKey();
    }

    /**
     * Reads the value under {@code key} into {@link #in}; false if there is none. Reuses one
     * buffer, so a read allocates nothing beyond the deserialized value.
     */
    final boolean readValue(DataOutputSerializer key) throws RocksDBException {
        int length = db.get(column, key.getSharedBuffer(), 0, key.length(), readBuffer, 0, readBuffer.length);
        if (length == RocksDB.NOT_FOUND) {
            return false;
        }
        if (length > readBuffer.length) { // the value did not fit: read it again into a big enough buffer
            readBuffer = new byte[Math.max(length, readBuffer.length * 2)];
            length = db.get(column, key.getSharedBuffer(), 0, key.length(), readBuffer, 0, readBuffer.length);
            if (length == RocksDB.NOT_FOUND) {
                return false;
            }
        }
        in.setBuffer(readBuffer, 0, length);
        readLength = length;
        return true;
    }

    /** The value under {@code key} in an array of its own, or null if there is none. */
    final byte[] readValueCopy(DataOutputSerializer key) throws RocksDBException {
        return readValue(key) ? java.util.Arrays.copyOf(readBuffer, readLength) : null;
    }

    final void putValue(DataOutputSerializer key) throws RocksDBException {
        db.put(column, writeOptions, key.getSharedBuffer(), 0, key.length(), valueOut.getSharedBuffer(), 0,
                valueOut.length());
    }

    final void mergeValue(DataOutputSerializer key) throws RocksDBException {
        db.merge(column, writeOptions, key.getSharedBuffer(), 0, key.length(), valueOut.getSharedBuffer(), 0,
                valueOut.length());
    }

    final void delete(DataOutputSerializer key) throws RocksDBException {
        db.delete(column, writeOptions, key.getSharedBuffer(), 0, key.length());
    }

    final void setInput(byte[] bytes) {
        in.setBuffer(bytes, 0, bytes.length);
    }

    @Override
    public void clear() {
        try {
            delete(key());
        } catch (IOException | RocksDBException e) {
            throw new StateAccessException("Error while clearing RocksDB state", e);
        }
    }

    static IOException ioException(String what, RocksDBException e) {
        return new IOException("Error while " + what + " RocksDB state", e);
    }
}
