package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;
import org.millrace.api.typeinfo.AvroTypeInfo;
import org.millrace.api.typeinfo.GenericRecordAvroTypeInfo;
import org.millrace.api.typeinfo.GenericTypeInfo;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.TestingTypes.Measurement;
import org.millrace.types.TestingTypes.Unit;

class AvroSerializerTest {

    private static final Schema USER = SchemaBuilder.record("User").namespace("test.avro").fields()
            .requiredString("name")
            .optionalInt("age")
            .name("emails").type().array().items().stringType().noDefault()
            .endRecord();

    private static GenericRecord user(String name, Integer age, List<String> emails) {
        GenericData.Record record = new GenericData.Record(USER);
        record.put("name", name);
        record.put("age", age);
        record.put("emails", emails);
        return record;
    }

    @Test
    void specificRecords_roundTrip() throws Exception {
        TypeInformation<TestingAvroEvent> info = TypeInformation.of(TestingAvroEvent.class);
        assertThat(info).isEqualTo(new AvroTypeInfo<>(TestingAvroEvent.class));
        TypeSerializer<TestingAvroEvent> serializer = info.createSerializer();
        assertRoundTrips(serializer, new TestingAvroEvent(1, "start", List.of("a", "b"), 0.5),
                new TestingAvroEvent(-7, "ünïcode", List.of(), null));
    }

    @Test
    void specificRecord_isAvroBinaryWithoutHeader() {
        TypeSerializer<TestingAvroEvent> serializer = new AvroTypeInfo<>(TestingAvroEvent.class).createSerializer();
        // id 1 -> zigzag 2; "ab" -> length 4 (zigzag 2) + bytes; empty array -> 0; null union branch -> 0
        assertThat(serialize(serializer, new TestingAvroEvent(1, "ab", List.of(), null))).containsExactly(2, 4, 'a', 'b', 0, 0);
    }

    @Test
    void genericRecords_roundTrip() throws Exception {
        TypeSerializer<GenericRecord> serializer = new GenericRecordAvroTypeInfo(USER).createSerializer();
        GenericRecord first = user("ada", 36, List.of("ada@example.org"));
        GenericRecord second = user("bob", null, List.of());
        // generic records read strings back as Utf8: compare through a deep copy made by Avro itself
        byte[] bytes = serialize(serializer, first);
        GenericRecord read = SerializerTestHarness.deserialize(serializer, bytes);
        assertThat(read.toString()).isEqualTo(first.toString());
        assertThat(GenericData.get().compare(read, first, USER)).isZero();
        assertRoundTrips(serializer, read, SerializerTestHarness.deserialize(serializer, serialize(serializer, second)));
    }

    @Test
    void reflect_serializesClassesThatAreNotPojos() throws Exception {
        TypeInformation<Measurement> info = TypeInformation.of(Measurement.class);
        assertThat(info).isInstanceOf(GenericTypeInfo.class);
        assertRoundTrips(info.createSerializer(), new Measurement("t1", 21.5, List.of("roof", "north"), Unit.CELSIUS),
                new Measurement(null, -1, null, null));
        assertRoundTrips(new AvroTypeInfo<>(Measurement.class).createSerializer(),
                new Measurement("t2", 0, List.of(), Unit.KELVIN));
    }

    @Test
    void decoder_doesNotReadPastTheRecord() throws Exception {
        TypeSerializer<TestingAvroEvent> avro = new AvroTypeInfo<>(TestingAvroEvent.class).createSerializer();
        org.millrace.types.DataOutputSerializer out = new org.millrace.types.DataOutputSerializer(8);
        avro.serialize(new TestingAvroEvent(5, "x", List.of("t"), 1.0), out);
        LongSerializer.INSTANCE.serialize(42L, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        assertThat(avro.deserialize(in).name).isEqualTo("x");
        assertThat(LongSerializer.INSTANCE.deserialize(in)).isEqualTo(42L);
    }

    @Test
    void deserializeWithReuse_fillsTheGivenRecord() throws Exception {
        TypeSerializer<TestingAvroEvent> avro = new AvroTypeInfo<>(TestingAvroEvent.class).createSerializer();
        byte[] bytes = serialize(avro, new TestingAvroEvent(9, "new", List.of(), 2.0));
        TestingAvroEvent reuse = new TestingAvroEvent(1, "old", new ArrayList<>(List.of("z")), null);
        TestingAvroEvent read = avro.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(read).isSameAs(reuse);
        assertThat(read.name).isEqualTo("new");
        assertThat(read.id).isEqualTo(9);
        assertThat(read.tags).isEmpty();
    }

    @Test
    void reflect_ofAnUnsupportedClass_failsNamingIt() {
        assertThatThrownBy(() -> AvroSerializer.forReflect(Runnable.class))
                .hasMessageContaining(Runnable.class.getName());
    }

    @Test
    void classesNamedByASchema_becomeTrustedByAvro() {
        Schema schema = SchemaBuilder.record("WithDuration").namespace("test.trust").fields()
                .name("d").type(new Schema.Parser().parse("{\"type\":\"string\",\"java-class\":\"java.time.Duration\"}"))
                .noDefault().endRecord();
        assertThat(AvroClassTrust.classNamesIn(schema)).contains("java.time.Duration", "test.trust.WithDuration");
        assertThatThrownBy(() -> ClassSecurityValidator.validate(Duration.class)).isInstanceOf(SecurityException.class);
        AvroClassTrust.trustClassesOf(schema);
        ClassSecurityValidator.validate(Duration.class);
    }

    @Test
    void reflectSchema_namesTheClassAndItsJavaClassProperties() {
        AvroSerializer<Measurement> serializer = AvroSerializer.forReflect(Measurement.class);
        assertThat(AvroClassTrust.classNamesIn(serializer.getSchema()))
                .contains(Measurement.class.getCanonicalName(), Unit.class.getCanonicalName(), "java.util.List");
    }
}
