package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.reflect.Modifier;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for Avro-encoded values: generated {@link SpecificRecord} classes, {@link GenericRecord}s
 * of a given schema, and any other class through Avro reflect (non-primitive fields nullable). The
 * format is Avro's binary encoding of the value under that schema, with no header or length: the
 * schema is fixed by the type information.
 *
 * <p>Avro's direct (unbuffered) binary encoder and decoder are created once and wired to the views
 * through re-pointable stream adapters, so records are written and read in place; the decoder
 * never reads past the record. The datum reader and writer are created on first use, in the
 * thread that uses them, because Avro caches its resolving decoder per creating thread.
 *
 * <p>Used by one thread at a time; {@link #duplicate()} returns a new instance sharing the
 * (thread-safe) schema and data model.
 */
public final class AvroSerializer<T> extends TypeSerializer<T> {

    /** How values map to Avro. */
    private enum Flavor { SPECIFIC, GENERIC, REFLECT }

    private final Class<T> type;
    private final Schema schema;
    private final GenericData model;
    private final Flavor flavor;

    private final DataOutputViewStream output = new DataOutputViewStream();
    private final DataInputViewStream input = new DataInputViewStream();
    private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(output, null);
    private final BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(input, null);
    private DatumWriter<T> writer;
    private DatumReader<T> reader;

    private AvroSerializer(Class<T> type, Schema schema, GenericData model, Flavor flavor) {
        this.type = type;
        this.schema = schema;
        this.model = model;
        this.flavor = flavor;
    }

    /** For a generated Avro class. */
    public static <T extends SpecificRecord> AvroSerializer<T> forSpecific(Class<T> type) {
        SpecificData model = new SpecificData(classLoaderOf(type));
        Schema schema = model.getSchema(type);
        AvroClassTrust.trustClassesOf(schema);
        return new AvroSerializer<>(type, schema, model, Flavor.SPECIFIC);
    }

    /** For generic records of {@code schema}. */
    public static AvroSerializer<GenericRecord> forGeneric(Schema schema) {
        return new AvroSerializer<>(GenericRecord.class, schema, GenericData.get(), Flavor.GENERIC);
    }

    /**
     * For any class, through Avro reflect. Throws an {@link IllegalArgumentException} naming the
     * class when Avro cannot derive a schema for it (for example interface- or Object-typed fields).
     */
    public static <T> AvroSerializer<T> forReflect(Class<T> type) {
        if (type.isInterface() || (Modifier.isAbstract(type.getModifiers()) && !type.isArray()) || type == Object.class) {
            throw new IllegalArgumentException("Millrace has no built-in serializer for " + type.getName()
                    + ", and Avro reflect cannot create instances of an interface, abstract class or Object."
                    + " Declare the stream's concrete type (for example with returns(...))");
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            throw new IllegalArgumentException("Millrace has no built-in serializer for the JDK class " + type.getName()
                    + ", and Avro reflect cannot serialize JDK classes (their state is in inaccessible or transient fields)");
        }
        ReflectData model = new NullableReflectData(classLoaderOf(type));
        Schema schema;
        try {
            schema = model.getSchema(type);
        } catch (AvroRuntimeException e) {
            throw new IllegalArgumentException("Millrace has no built-in serializer for " + type.getName()
                    + " and Avro reflect cannot derive a schema for it (" + e.getMessage() + "). Make it a POJO"
                    + " (public class, public no-arg constructor, fields public or with getters and setters)"
                    + " or declare its type with Types.*", e);
        }
        AvroClassTrust.trustClassesOf(schema);
        return new AvroSerializer<>(type, schema, model, Flavor.REFLECT);
    }

    private static ClassLoader classLoaderOf(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null ? loader : AvroSerializer.class.getClassLoader();
    }

    public Schema getSchema() {
        return schema;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public AvroSerializer<T> duplicate() {
        return new AvroSerializer<>(type, schema, model, flavor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        return flavor == Flavor.GENERIC ? (T) new GenericData.Record(schema) : (T) model.newRecord(null, schema);
    }

    @Override
    public T copy(T from) {
        return model.deepCopy(schema, from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        DatumWriter<T> w = writer;
        if (w == null) {
            w = createWriter();
        }
        output.target = target;
        w.write(record, encoder);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        DatumReader<T> r = reader;
        if (r == null) {
            r = createReader();
        }
        input.source = source;
        return r.read(reuse, decoder);
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<T> createWriter() {
        switch (flavor) {
            case SPECIFIC:
                writer = new SpecificDatumWriter<>(schema, (SpecificData) model);
                break;
            case REFLECT:
                writer = new ReflectDatumWriter<>(schema, (ReflectData) model);
                break;
            default:
                writer = new GenericDatumWriter<>(schema, model);
        }
        return writer;
    }

    private DatumReader<T> createReader() {
        switch (flavor) {
            case SPECIFIC:
                reader = new SpecificDatumReader<>(schema, schema, (SpecificData) model);
                break;
            case REFLECT:
                reader = new ReflectDatumReader<>(schema, schema, (ReflectData) model);
                break;
            default:
                reader = new GenericDatumReader<>(schema, schema, model);
        }
        return reader;
    }

    @Override
    public String toString() {
        return "AvroSerializer(" + flavor + ", " + schema.getFullName() + ")";
    }
}
