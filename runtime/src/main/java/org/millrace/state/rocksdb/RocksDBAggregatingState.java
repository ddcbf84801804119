package org.millrace.state.rocksdb;

import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.state.AggregatingState;
import org.millrace.api.typeutils.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/** {@link AggregatingState} in RocksDB: the serialized accumulator; read, add, write back. Task thread only. */
final class RocksDBAggregatingState<K, IN, ACC, OUT> extends AbstractRocksDBState<K> implements AggregatingState<IN, OUT> {

    private final TypeSerializer<ACC> accumulatorSerializer;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    RocksDBAggregatingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column,
            TypeSerializer<ACC> accumulatorSerializer, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        super(backend, column);
        this.accumulatorSerializer = accumulatorSerializer;
        this.aggregateFunction = aggregateFunction;
    }

    private ACC accumulator() throws Exception {
        if (!readValue(key())) {
            return null;
        }
        return accumulatorSerializer.deserialize(in);
    }

    @Override
    public OUT get() throws Exception {
        ACC accumulator = accumulator();
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    @Override
    public void add(IN value) throws Exception {
        ACC accumulator = accumulator();
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        accumulator = aggregateFunction.add(value, accumulator);
        valueOut.clear();
        accumulatorSerializer.serialize(accumulator, valueOut);
        putValue(key());
    }
}
