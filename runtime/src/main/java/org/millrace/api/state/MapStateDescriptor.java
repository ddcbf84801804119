package org.millrace.api.state;

import java.util.Map;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes a {@link MapState} by its name and user key and value types. Built by user code; see
 * {@link StateDescriptor} for threads.
 */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

    private static final long serialVersionUID = 1L;

    private final TypeSlot<UK> userKeyType;
    private final TypeSlot<UV> userValueType;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name);
        this.userKeyType = TypeSlot.of(keyClass, "the map key");
        this.userValueType = TypeSlot.of(valueClass, "the map value");
    }

    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name);
        this.userKeyType = TypeSlot.of(keyTypeInfo, "the map key");
        this.userValueType = TypeSlot.of(valueTypeInfo, "the map value");
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return userKeyType.typeInfo();
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return userValueType.typeInfo();
    }

    public TypeSerializer<UK> createKeySerializer() {
        return userKeyType.createSerializer();
    }

    public TypeSerializer<UV> createValueSerializer() {
        return userValueType.createSerializer();
    }
}
