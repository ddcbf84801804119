package org.millrace.api.typeinfo;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.AvroSerializer;

/**
 * Type information for Avro {@link GenericRecord}s of one schema. A {@code GenericRecord} carries
 * its schema only in memory, so the stream's type must name it: {@code new GenericRecordAvroTypeInfo(schema)}.
 * Travels as the schema's JSON text. Immutable; any thread.
 */
public final class GenericRecordAvroTypeInfo extends TypeInformation<GenericRecord> {

    private static final long serialVersionUID = 1L;

    private final String schemaJson;
    /** Parsed lazily after deserialization; racing parses produce equal schemas. */
    private transient volatile Schema schema;

    public GenericRecordAvroTypeInfo(Schema schema) {
        if (schema == null) {
            throw new IllegalArgumentException("The schema must not be null");
        }
        this.schema = schema;
        this.schemaJson = schema.toString();
    }

    public Schema getSchema() {
        Schema s = schema;
        if (s == null) {
            s = new Schema.Parser().parse(schemaJson);
            schema = s;
        }
        return s;
    }

    @Override
    public Class<GenericRecord> getTypeClass() {
        return GenericRecord.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<GenericRecord> createSerializer() {
        return AvroSerializer.forGeneric(getSchema());
    }

    @Override
    public String toString() {
        return "GenericRecord(" + getSchema().getFullName() + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericRecordAvroTypeInfo && ((GenericRecordAvroTypeInfo) obj).getSchema().equals(getSchema());
    }

    @Override
    public int hashCode() {
        return getSchema().hashCode();
    }
}
