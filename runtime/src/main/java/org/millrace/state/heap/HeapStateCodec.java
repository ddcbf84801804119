package org.millrace.state.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.state.KeyedSnapshotFormat;
import org.millrace.state.KeyedSnapshotWriter;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;

/**
 * Turns the stored values of one heap state into entries of the {@link KeyedSnapshotFormat} and
 * back. An instance (its serializers and scratch buffers) belongs to one thread: the task thread
 * restores with the state's own codec, each snapshot writes with a {@link #duplicate()}.
 *
 * @param <K> the key type
 * @param <S> the type stored in the {@link StateTable}
 */
abstract class HeapStateCodec<K, S> {

    final TypeSerializer<K> keySerializer;
    final DataOutputSerializer keyOut = new DataOutputSerializer(64);
    final DataOutputSerializer valueOut = new DataOutputSerializer(128);
    final DataInputDeserializer in = new DataInputDeserializer();

    HeapStateCodec(TypeSerializer<K> keySerializer) {
        this.keySerializer = keySerializer;
    }

    /** Writes the entries of one key. */
    abstract void write(int stateIndex, K key, S value, KeyedSnapshotWriter out) throws IOException;

    /** Adds one restored entry to {@code table}. */
    abstract void restore(StateTable<K, S> table, byte[] key, byte[] value) throws IOException;

    /** A codec with its own serializers and buffers, for a snapshot thread. */
    abstract HeapStateCodec<K, S> duplicate();

    final K readKey(byte[] key) throws IOException {
        in.setBuffer(key, 0, key.length);
        return keySerializer.deserialize(in);
    }

    final void emit(int stateIndex, KeyedSnapshotWriter out) throws IOException {
        out.writeEntry(stateIndex, keyOut.getSharedBuffer(), 0, keyOut.length(), valueOut.getSharedBuffer(), 0,
                valueOut.length());
    }

    /** Value, reducing and aggregating state: one serialized value per key. */
    static final class SingleValue<K, V> extends HeapStateCodec<K, V> {
        private final TypeSerializer<V> valueSerializer;

        SingleValue(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
            super(keySerializer);
            this.valueSerializer = valueSerializer;
        }

        @Override
        void write(int stateIndex, K key, V value, KeyedSnapshotWriter out) throws IOException {
            keyOut.clear();
            keySerializer.serialize(key, keyOut);
            valueOut.clear();
            valueSerializer.serialize(value, valueOut);
            emit(stateIndex, out);
        }

        @Override
        void restore(StateTable<K, V> table, byte[] key, byte[] value) throws IOException {
            K k = readKey(key);
            in.setBuffer(value, 0, value.length);
            table.put(k, k.hashCode(), valueSerializer.deserialize(in), StateTable.NO_KEY_STAMP);
        }

        @Override
        SingleValue<K, V> duplicate() {
            return new SingleValue<>(keySerializer.duplicate(), valueSerializer.duplicate());
        }
    }

    /** List state: the elements of a key, delimited. */
    static final class ListValue<K, T> extends HeapStateCodec<K, ArrayList<T>> {
        private final TypeSerializer<T> elementSerializer;

        ListValue(TypeSerializer<K> keySerializer, TypeSerializer<T> elementSerializer) {
            super(keySerializer);
            this.elementSerializer = elementSerializer;
        }

        @Override
        void write(int stateIndex, K key, ArrayList<T> list, KeyedSnapshotWriter out) throws IOException {
            keyOut.clear();
            keySerializer.serialize(key, keyOut);
            valueOut.clear();
            KeyedSnapshotFormat.writeList(list, elementSerializer, valueOut);
            emit(stateIndex, out);
        }

        @Override
        void restore(StateTable<K, ArrayList<T>> table, byte[] key, byte[] value) throws IOException {
            K k = readKey(key);
            ArrayList<T> list = table.getForUpdate(k, k.hashCode(), StateTable.NO_KEY_STAMP);
            if (list == null) {
                list = new ArrayList<>();
                table.put(k, k.hashCode(), list, StateTable.NO_KEY_STAMP);
            }
            in.setBuffer(value, 0, value.length);
            KeyedSnapshotFormat.readList(in, elementSerializer, list);
        }

        @Override
        ListValue<K, T> duplicate() {
            return new ListValue<>(keySerializer.duplicate(), elementSerializer.duplicate());
        }
    }

    /** Map state: one entry per mapping, keyed by key and user key. */
    static final class MapValue<K, UK, UV> extends HeapStateCodec<K, HashMap<UK, UV>> {
        private final TypeSerializer<UK> userKeySerializer;
        private final TypeSerializer<UV> userValueSerializer;

        MapValue(TypeSerializer<K> keySerializer, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> userValueSerializer) {
            super(keySerializer);
            this.userKeySerializer = userKeySerializer;
            this.userValueSerializer = userValueSerializer;
        }

        @Override
        void write(int stateIndex, K key, HashMap<UK, UV> map, KeyedSnapshotWriter out) throws IOException {
            keyOut.clear();
            keySerializer.serialize(key, keyOut);
            int keyLength = keyOut.length();
            for (Map.Entry<UK, UV> mapping : map.entrySet()) {
                keyOut.setPosition(keyLength);
                userKeySerializer.serialize(mapping.getKey(), keyOut);
                valueOut.clear();
                KeyedSnapshotFormat.writeMapValue(mapping.getValue(), userValueSerializer, valueOut);
                emit(stateIndex, out);
            }
        }

        @Override
        void restore(StateTable<K, HashMap<UK, UV>> table, byte[] key, byte[] value) throws IOException {
            in.setBuffer(key, 0, key.length);
            K k = keySerializer.deserialize(in);
            UK userKey = userKeySerializer.deserialize(in);
            in.setBuffer(value, 0, value.length);
            UV userValue = KeyedSnapshotFormat.readMapValue(in, userValueSerializer);
            HashMap<UK, UV> map = table.getForUpdate(k, k.hashCode(), StateTable.NO_KEY_STAMP);
            if (map == null) {
                map = new HashMap<>();
                table.put(k, k.hashCode(), map, StateTable.NO_KEY_STAMP);
            }
            map.put(userKey, userValue);
        }

        @Override
        MapValue<K, UK, UV> duplicate() {
            return new MapValue<>(keySerializer.duplicate(), userKeySerializer.duplicate(), userValueSerializer.duplicate());
        }
    }
}
