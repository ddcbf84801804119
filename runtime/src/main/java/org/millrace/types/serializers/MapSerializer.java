package org.millrace.types.serializers;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for {@link Map}: the size as a varint, then per entry the key, a null marker byte
 * for the value (0 = null, 1 = present) and the value. Keys must not be {@code null} unless the
 * key serializer writes nulls. Maps are read back as {@link HashMap}; with a reusable
 * {@code HashMap} the read fills it. Used by one thread at a time; {@link #duplicate()} copies it
 * if a nested serializer is stateful.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<V> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MapSerializer<K, V> duplicate() {
        TypeSerializer<K> keys = keySerializer.duplicate();
        TypeSerializer<V> values = valueSerializer.duplicate();
        return keys == keySerializer && values == valueSerializer ? this : new MapSerializer<>(keys, values);
    }

    @Override
    public Map<K, V> createInstance() {
        return new HashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        Map<K, V> copy = new HashMap<>(capacityFor(from.size()));
        for (Map.Entry<K, V> entry : from.entrySet()) {
            K key = entry.getKey();
            V value = entry.getValue();
            copy.put(key == null ? null : keySerializer.copy(key), value == null ? null : valueSerializer.copy(value));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.size(), target);
        for (Map.Entry<K, V> entry : record.entrySet()) {
            K key = entry.getKey();
            try {
                keySerializer.serialize(key, target);
            } catch (NullPointerException e) {
                if (key == null) {
                    throw new NullPointerException("The map has a null key, which " + keySerializer + " cannot write");
                }
                throw e;
            }
            V value = entry.getValue();
            if (value == null) {
                target.writeByte(0);
            } else {
                target.writeByte(1);
                valueSerializer.serialize(value, target);
            }
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public Map<K, V> deserialize(Map<K, V> reuse, DataInputView source) throws IOException {
        int size = VarInts.readLength(source);
        Map<K, V> map;
        if (reuse instanceof HashMap) {
            map = reuse;
            map.clear();
        } else {
            map = new HashMap<>(capacityFor(size));
        }
        for (int i = 0; i < size; i++) {
            K key = keySerializer.deserialize(source);
            V value = source.readByte() == 0 ? null : valueSerializer.deserialize(source);
            map.put(key, value);
        }
        return map;
    }

    private static int capacityFor(int size) {
        return size < 3 ? 4 : (int) (size / 0.75f) + 1;
    }

    @Override
    public String toString() {
        return "MapSerializer(" + keySerializer + ", " + valueSerializer + ")";
    }
}
