package org.millrace.api.state;

import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes a {@link ValueState}: its name, value type and (deprecated, as in Flink) a default
 * returned when a key has no value. Built by user code; see {@link StateDescriptor} for threads.
 */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final TypeSlot<T> valueType;
    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        this(name, TypeSlot.of(typeClass, "the value"), null);
    }

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        this(name, TypeSlot.of(typeInfo, "the value"), null);
    }

    /** @deprecated check for {@code null} in user code instead, as Flink recommends. */
    @Deprecated
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        this(name, TypeSlot.of(typeClass, "the value"), defaultValue);
    }

    /** @deprecated check for {@code null} in user code instead, as Flink recommends. */
    @Deprecated
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo, T defaultValue) {
        this(name, TypeSlot.of(typeInfo, "the value"), defaultValue);
    }

    private ValueStateDescriptor(String name, TypeSlot<T> valueType, T defaultValue) {
        super(name);
        this.valueType = valueType;
        this.defaultValue = defaultValue;
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }

    public TypeInformation<T> getTypeInformation() {
        return valueType.typeInfo();
    }

    /** A new serializer for the values. */
    public TypeSerializer<T> createSerializer() {
        return valueType.createSerializer();
    }

    /** The value returned for a key without one: a copy of the default, or {@code null}. */
    public T getDefaultValue() {
        return defaultValue;
    }
}
