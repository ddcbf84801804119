package org.millrace.api.typeinfo;

import java.util.Map;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.MapSerializer;

/**
 * Type information for {@link Map}s with one key and one value type; values may be {@code null},
 * keys not. Maps are read back as {@link java.util.HashMap}. Immutable; any thread.
 */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyTypeInfo;
    private final TypeInformation<V> valueTypeInfo;

    public MapTypeInfo(TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        if (keyTypeInfo == null || valueTypeInfo == null) {
            throw new IllegalArgumentException("The key and value types must not be null");
        }
        this.keyTypeInfo = keyTypeInfo;
        this.valueTypeInfo = valueTypeInfo;
    }

    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyTypeInfo;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<K, V>> getTypeClass() {
        return (Class) Map.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return keyTypeInfo.isKeyType() && valueTypeInfo.isKeyType();
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer() {
        return new MapSerializer<>(keyTypeInfo.createSerializer(), valueTypeInfo.createSerializer());
    }

    @Override
    public String toString() {
        return "Map<" + keyTypeInfo + ", " + valueTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapTypeInfo)) {
            return false;
        }
        MapTypeInfo<?, ?> other = (MapTypeInfo<?, ?>) obj;
        return keyTypeInfo.equals(other.keyTypeInfo) && valueTypeInfo.equals(other.valueTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * keyTypeInfo.hashCode() + valueTypeInfo.hashCode();
    }
}
