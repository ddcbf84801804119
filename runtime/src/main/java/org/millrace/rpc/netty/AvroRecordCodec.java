package org.millrace.rpc.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.rpc.RpcException;

/**
 * A typed codec: maps a domain value to a generated Avro record of control-messages.avdl and writes
 * it in Avro binary. Datum readers and writers are thread-safe once built, so one instance serves all
 * threads.
 *
 * @param <T> the domain type (e.g. TaskExecutorRegistration)
 * @param <R> the Avro record (e.g. TaskExecutorRegistrationMessage)
 */
public final class AvroRecordCodec<T, R extends SpecificRecord> implements ArgumentCodec {

    private final Class<T> type;
    private final SpecificDatumWriter<R> writer;
    private final SpecificDatumReader<R> reader;
    private final Function<T, R> toRecord;
    private final Function<R, T> fromRecord;

    public AvroRecordCodec(Class<T> type, Class<R> recordType, Function<T, R> toRecord, Function<R, T> fromRecord) {
        this.type = type;
        this.writer = new SpecificDatumWriter<>(recordType);
        this.reader = new SpecificDatumReader<>(recordType);
        this.toRecord = toRecord;
        this.fromRecord = fromRecord;
    }

    @Override
    public byte[] encode(Object value, CodecContext context) {
        return write(toRecord.apply(type.cast(value)));
    }

    @Override
    public Object decode(byte[] bytes, CodecContext context) {
        return fromRecord.apply(read(bytes));
    }

    byte[] write(R record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new RpcException("Cannot encode a " + type.getSimpleName(), e);
        }
        return out.toByteArray();
    }

    R read(byte[] bytes) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new RpcException("Cannot decode a " + type.getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "Avro(" + type.getSimpleName() + ")";
    }
}
