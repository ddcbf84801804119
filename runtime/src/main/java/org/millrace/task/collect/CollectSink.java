package org.millrace.task.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.millrace.api.accumulators.ListAccumulator;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.WriterInitContext;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;

/**
 * The sink behind {@code executeAndCollect}: serializes each record with its {@link TypeSerializer}
 * and hands the bytes to the client through a {@link ListAccumulator ListAccumulator&lt;byte[]&gt;}
 * registered under a job-unique accumulator name. Records are packed into chunks of about
 * {@value #CHUNK_SIZE} bytes (one list entry per chunk, records back to back), added to the
 * accumulator when a chunk is full, on every flush and on close. On the client,
 * {@link #deserializeAccumulatorResult} turns the merged list back into records: in order within a
 * subtask, subtasks one after the other.
 *
 * <p>The sink is created on the client; its writers run in the sink tasks.
 */
public final class CollectSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    static final int CHUNK_SIZE = 32 * 1024;

    private final TypeInformation<IN> typeInfo;
    private final String accumulatorName;

    public CollectSink(TypeInformation<IN> typeInfo, String accumulatorName) {
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
        this.accumulatorName = Objects.requireNonNull(accumulatorName, "accumulatorName");
    }

    public String getAccumulatorName() {
        return accumulatorName;
    }

    public TypeInformation<IN> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        ListAccumulator<byte[]> accumulator = new ListAccumulator<>();
        context.getRuntimeContext().addAccumulator(accumulatorName, accumulator);
        return new CollectSinkWriter<>(typeInfo.createSerializer(), accumulator);
    }

    /** The records in the merged accumulator value {@code chunks}, read with {@code serializer}. */
    public static <T> List<T> deserializeAccumulatorResult(List<byte[]> chunks, TypeSerializer<T> serializer) throws IOException {
        List<T> records = new ArrayList<>();
        if (chunks == null) {
            return records;
        }
        DataInputDeserializer in = new DataInputDeserializer();
        for (byte[] chunk : chunks) {
            in.setBuffer(chunk, 0, chunk.length);
            while (in.available() > 0) {
                records.add(serializer.deserialize(in));
            }
        }
        return records;
    }

    @Override
    public String toString() {
        return "CollectSink(" + accumulatorName + ", " + typeInfo + ")";
    }

    /** Serializes one subtask's records into chunks; called from the sink task's thread. */
    private static final class CollectSinkWriter<IN> implements SinkWriter<IN> {

        private final TypeSerializer<IN> serializer;
        private final ListAccumulator<byte[]> accumulator;
        private final DataOutputSerializer chunk = new DataOutputSerializer(CHUNK_SIZE + 1024);

        CollectSinkWriter(TypeSerializer<IN> serializer, ListAccumulator<byte[]> accumulator) {
            this.serializer = serializer;
            this.accumulator = accumulator;
        }

        @Override
        public void write(IN element, Context context) throws IOException {
            serializer.serialize(element, chunk);
            if (chunk.length() >= CHUNK_SIZE) {
                publishChunk();
            }
        }

        private void publishChunk() {
            if (chunk.length() > 0) {
                accumulator.add(chunk.getCopyOfBuffer());
                chunk.clear();
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            publishChunk();
        }

        @Override
        public void close() {
            publishChunk();
        }
    }
}
