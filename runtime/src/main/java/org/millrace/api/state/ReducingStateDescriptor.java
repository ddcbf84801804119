package org.millrace.api.state;

import java.util.Objects;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.functions.RichFunction;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Describes a {@link ReducingState}: its name, the {@link ReduceFunction} that folds added values
 * and the value type. Built by user code; see {@link StateDescriptor} for threads.
 */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;
    private final TypeSlot<T> valueType;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        this(name, reduceFunction, TypeSlot.of(typeClass, "the value"));
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        this(name, reduceFunction, TypeSlot.of(typeInfo, "the value"));
    }

    private ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeSlot<T> valueType) {
        super(name);
        if (reduceFunction instanceof RichFunction) {
            throw new UnsupportedOperationException("a ReduceFunction of a ReducingState cannot be a RichFunction");
        }
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "the reduce function must not be null");
        this.valueType = valueType;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    public TypeInformation<T> getTypeInformation() {
        return valueType.typeInfo();
    }

    public TypeSerializer<T> createSerializer() {
        return valueType.createSerializer();
    }
}
