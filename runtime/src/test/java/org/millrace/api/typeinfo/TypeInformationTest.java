package org.millrace.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.TestingTypes.Address;
import org.millrace.types.TestingTypes.Box;
import org.millrace.types.TestingTypes.Employee;
import org.millrace.types.TestingTypes.Measurement;
import org.millrace.types.TestingTypes.Node;
import org.millrace.types.TestingTypes.Person;
import org.millrace.types.TestingTypes.Plain;
import org.millrace.types.TestingTypes.StringBox;
import org.millrace.types.TestingTypes.Unit;
import org.millrace.types.TestingTypes.Untyped;
import org.millrace.types.serializers.SerializerTestHarness;
import org.millrace.types.serializers.TestingAvroEvent;

/** TypeInformation.of, Types, TypeHint and the type information classes. */
class TypeInformationTest {

    /** A tuple subclass that fixes the field types. */
    public static class WordCount extends Tuple2<String, Long> {
        private static final long serialVersionUID = 1L;

        public WordCount() {}
    }

    @Test
    void of_basicTypesAndPrimitiveArrays() {
        assertThat(TypeInformation.of(Long.class)).isSameAs(Types.LONG);
        assertThat(TypeInformation.of(long.class)).isSameAs(Types.LONG);
        assertThat(TypeInformation.of(String.class)).isSameAs(BasicTypeInfo.STRING_TYPE_INFO).matches(TypeInformation::isBasicType);
        assertThat(TypeInformation.of(BigDecimal.class)).isSameAs(Types.BIG_DEC);
        assertThat(TypeInformation.of(byte[].class)).isSameAs(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(TypeInformation.of(int[].class)).isSameAs(Types.PRIMITIVE_ARRAY(Types.INT));
        assertThat(TypeInformation.of(String[].class)).isEqualTo(Types.OBJECT_ARRAY(Types.STRING));
        assertThat(TypeInformation.of(Unit.class)).isEqualTo(Types.ENUM(Unit.class));
    }

    @Test
    void of_timeTypes() {
        assertThat(TypeInformation.of(java.util.Date.class)).isSameAs(BasicTypeInfo.DATE_TYPE_INFO);
        assertThat(TypeInformation.of(java.time.LocalDate.class)).isSameAs(Types.LOCAL_DATE);
        assertThat(TypeInformation.of(java.time.LocalTime.class)).isSameAs(LocalTimeTypeInfo.LOCAL_TIME);
        assertThat(TypeInformation.of(java.time.LocalDateTime.class)).isSameAs(Types.LOCAL_DATE_TIME);
        assertThat(TypeInformation.of(java.time.Instant.class)).isSameAs(Types.INSTANT);
    }

    @Test
    void collections_followTheirInterfaces() {
        assertThat(new TypeHint<java.util.Set<String>>() {}.getTypeInfo()).isEqualTo(Types.SET(Types.STRING));
        assertThat(new TypeHint<java.util.Collection<Long>>() {}.getTypeInfo()).isEqualTo(Types.LIST(Types.LONG));
        assertThatThrownBy(() -> new TypeHint<java.util.LinkedList<Long>>() {}).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("java.util.LinkedList");
    }

    @Test
    void otherJdkClasses_areRejectedInsteadOfLosingData() {
        assertThatThrownBy(() -> TypeInformation.of(java.util.UUID.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("java.util.UUID").hasMessageContaining("JDK");
        assertThatThrownBy(() -> Types.GENERIC(java.util.UUID.class).createSerializer())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JDK class");
    }

    @Test
    void of_genericTupleClass_asksForATypeHint() {
        assertThatThrownBy(() -> TypeInformation.of(Tuple2.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("TypeHint")
                .hasMessageContaining("erased");
    }

    @Test
    void of_tupleSubclass_knowsItsFieldTypes() {
        TypeInformation<WordCount> info = TypeInformation.of(WordCount.class);
        assertThat(info).isEqualTo(new TupleTypeInfo<>(WordCount.class, Types.STRING, Types.LONG))
                .isEqualTo(Types.TUPLE(WordCount.class));
        assertThat(info.isTupleType()).isTrue();
        assertThat(info.getTypeClass()).isEqualTo(WordCount.class);
    }

    @Test
    void of_pojo_hasFieldsSortedByNameWithTheirTypes() {
        TypeInformation<Address> info = TypeInformation.of(Address.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<Address> pojo = (PojoTypeInfo<Address>) info;
        assertThat(pojo.getFieldNames()).containsExactly("city", "verified", "zip");
        assertThat(pojo.getTypeAt(0)).isEqualTo(Types.STRING);
        assertThat(pojo.<Boolean>getTypeAt("verified")).isEqualTo(Types.BOOLEAN);
        assertThat(pojo.getFieldIndex("zip")).isEqualTo(2);
        assertThat(pojo.getFieldIndex("street")).isEqualTo(-1);
        assertThat(Types.POJO(Address.class)).isEqualTo(info);
    }

    @Test
    void of_pojoWithInheritanceAndNesting() {
        PojoTypeInfo<Employee> employee = (PojoTypeInfo<Employee>) TypeInformation.of(Employee.class);
        assertThat(employee.getFieldNames()).contains("company", "name", "address", "tags");
        assertThat(employee.<List<String>>getTypeAt("tags")).isEqualTo(Types.LIST(Types.STRING));
        assertThat(employee.<String>getTypeAt("address.city")).isEqualTo(Types.STRING);
        assertThat(employee.getTotalFields()).isEqualTo(employee.getArity() - 1 + 3);
        assertThatThrownBy(() -> employee.getTypeAt("address.street")).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("street").hasMessageContaining("city");
        assertThatThrownBy(() -> employee.getTypeAt("name.first")).isInstanceOf(InvalidTypesException.class);
    }

    @Test
    void of_nonPojoClass_isGenericAvroReflect() {
        assertThat(TypeInformation.of(Measurement.class)).isEqualTo(Types.GENERIC(Measurement.class));
        assertThat(TypeInformation.of(TestingAvroEvent.class)).isEqualTo(new AvroTypeInfo<>(TestingAvroEvent.class));
        assertThat(((PojoTypeInfo<Node>) TypeInformation.of(Node.class)).<Node>getTypeAt("next"))
                .isEqualTo(new GenericTypeInfo<>(Node.class));
    }

    @Test
    void of_genericRecordOrObjectField_isAClearError() {
        assertThatThrownBy(() -> TypeInformation.of(GenericRecord.class)).hasMessageContaining("GenericRecordAvroTypeInfo");
        assertThatThrownBy(() -> TypeInformation.of(Untyped.class)).hasMessageContaining("payload")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void pojoRules_explainWhyAClassIsNotAPojo() {
        assertThatThrownBy(() -> Types.POJO(Measurement.class)).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("no public no-argument constructor");
    }

    @Test
    void genericPojo_getsItsFieldTypesFromTheTypeHintOrSubclass() {
        TypeInformation<Box<Long>> box = new TypeHint<Box<Long>>() {}.getTypeInfo();
        assertThat(((PojoTypeInfo<Box<Long>>) box).<Long>getTypeAt("value")).isEqualTo(Types.LONG);
        assertThat(((PojoTypeInfo<Box<Long>>) box).<List<Long>>getTypeAt("history")).isEqualTo(Types.LIST(Types.LONG));
        PojoTypeInfo<StringBox> stringBox = (PojoTypeInfo<StringBox>) TypeInformation.of(StringBox.class);
        assertThat(stringBox.<String>getTypeAt("value")).isEqualTo(Types.STRING);
        assertThat(stringBox.<Map<String, Long>>getTypeAt("counts")).isEqualTo(Types.MAP(Types.STRING, Types.LONG));
        assertThatThrownBy(() -> TypeInformation.of(Box.class)).hasMessageContaining("TypeHint");
    }

    @Test
    void typeHint_capturesNestedGenericTypes() {
        assertThat(new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThat(TypeInformation.of(new TypeHint<List<Map<String, int[]>>>() {}))
                .isEqualTo(Types.LIST(Types.MAP(Types.STRING, Types.PRIMITIVE_ARRAY(Types.INT))));
        assertThat(new TypeHint<Tuple2<String, Long>[]>() {}.getTypeInfo())
                .isEqualTo(Types.OBJECT_ARRAY(Types.TUPLE(Types.STRING, Types.LONG)));
        assertThat(new TypeHint<ArrayList<String>>() {}.getTypeInfo()).isEqualTo(Types.LIST(Types.STRING));
        assertThat(new TypeHint<HashMap<Integer, Person>>() {}.getTypeInfo())
                .isEqualTo(Types.MAP(Types.INT, TypeInformation.of(Person.class)));
    }

    static <T> TypeHint<List<T>> listHint() {
        return new TypeHint<List<T>>() {};
    }

    @Test
    void typeHint_withATypeVariable_fails() {
        assertThatThrownBy(TypeInformationTest::listHint).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("type variable T");
    }

    @Test
    void tupleTypeInfo_fieldAccessByPositionAndName() {
        TupleTypeInfo<Tuple3<String, Long, Tuple2<Integer, Double>>> info =
                (TupleTypeInfo<Tuple3<String, Long, Tuple2<Integer, Double>>>) (TypeInformation<?>)
                        Types.TUPLE(Types.STRING, Types.LONG, Types.TUPLE(Types.INT, Types.DOUBLE));
        assertThat(info.getArity()).isEqualTo(3);
        assertThat(info.getTotalFields()).isEqualTo(4);
        assertThat(info.<Long>getTypeAt(1)).isEqualTo(Types.LONG);
        assertThat(info.<Long>getTypeAt("f1")).isEqualTo(Types.LONG);
        assertThat(info.<Long>getTypeAt("1")).isEqualTo(Types.LONG);
        assertThat(info.<Double>getTypeAt("f2.f1")).isEqualTo(Types.DOUBLE);
        assertThat(info.getTypeAt("*")).isSameAs(info);
        assertThat(info.getFieldNames()).containsExactly("f0", "f1", "f2");
        assertThat(info.getFieldIndex("f3")).isEqualTo(-1);
        assertThat(info.getFieldIndex("f01")).isEqualTo(-1);
        assertThat(info).hasToString("Tuple3<String, Long, Tuple2<Integer, Double>>");
        assertThat(TupleTypeInfo.getBasicTupleTypeInfo(String.class, Long.class)).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThatThrownBy(() -> info.getTypeAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void keyTypes_needValueBasedHashCodes() {
        assertThat(Types.STRING.isKeyType()).isTrue();
        assertThat(Types.TUPLE(Types.STRING, Types.LONG).isKeyType()).isTrue();
        assertThat(Types.TUPLE(Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE)).isKeyType()).isFalse();
        assertThat(Types.OBJECT_ARRAY(Types.STRING).isKeyType()).isFalse();
        assertThat(TypeInformation.of(Person.class).isKeyType()).isTrue();
        assertThat(TypeInformation.of(Plain.class).isKeyType()).isFalse();
        assertThat(Types.ENUM(Unit.class).isKeyType()).isFalse();
        assertThat(Types.LIST(Types.INT).isKeyType()).isTrue();
    }

    @Test
    void explicitPojoFields_serializeOnlyTheNamedFields() throws Exception {
        TypeInformation<Person> info = Types.POJO(Person.class, Map.of("name", Types.STRING, "age", Types.INT));
        assertThat(info.getArity()).isEqualTo(2);
        Person person = new Person("Ada", 36);
        person.id = 99;
        TypeSerializer<Person> serializer = info.createSerializer();
        Person read = SerializerTestHarness.deserialize(serializer, SerializerTestHarness.serialize(serializer, person));
        assertThat(read.name).isEqualTo("Ada");
        assertThat(read.age).isEqualTo(36);
        assertThat(read.id).isZero();
        assertThatThrownBy(() -> Types.POJO(Person.class, Map.of("nope", Types.INT))).hasMessageContaining("nope");
    }

    @Test
    void typeInformation_survivesJavaSerialization() throws Exception {
        Schema schema = SchemaBuilder.record("R").fields().requiredString("s").endRecord();
        List<TypeInformation<?>> infos = List.of(Types.LONG, Types.PRIMITIVE_ARRAY(Types.DOUBLE),
                Types.TUPLE(Types.STRING, TypeInformation.of(Person.class)), TypeInformation.of(WordCount.class),
                Types.OBJECT_ARRAY(Types.INT), Types.LIST(Types.MAP(Types.STRING, Types.ENUM(Unit.class))),
                Types.GENERIC(Measurement.class), new AvroTypeInfo<>(TestingAvroEvent.class),
                new GenericRecordAvroTypeInfo(schema));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(infos));
        }
        List<?> read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (List<?>) in.readObject();
        }
        assertThat(read).isEqualTo(infos);
        assertThat(read.get(0)).isSameAs(Types.LONG);
        assertThat(read.get(1)).isSameAs(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        // the deserialized POJO info still creates a working serializer
        TypeSerializer<Tuple2<String, Person>> serializer = ((TypeInformation<Tuple2<String, Person>>) read.get(2)).createSerializer();
        SerializerTestHarness.assertRoundTrips(serializer, Tuple2.of("k", new Person("Ada", 36)));
        GenericData.Record record = new GenericData.Record(schema);
        record.put("s", "v");
        TypeSerializer<GenericRecord> generic = ((GenericRecordAvroTypeInfo) read.get(8)).createSerializer();
        assertThat(SerializerTestHarness.deserialize(generic, SerializerTestHarness.serialize(generic, record)).get("s"))
                .hasToString("v");
    }

    @Test
    void typesFactories_buildTheExpectedInfos() {
        assertThat(Types.TUPLE()).isEqualTo(new TupleTypeInfo<>());
        assertThat(Types.TUPLE().getTypeClass()).isEqualTo(Tuple.getTupleClass(0));
        assertThat(Types.PRIMITIVE_ARRAY(Types.CHAR).getTypeClass()).isEqualTo(char[].class);
        assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING)).isInstanceOf(InvalidTypesException.class);
        assertThat(Types.OBJECT_ARRAY(Types.TUPLE(Types.INT)).getTypeClass()).isEqualTo(org.millrace.api.tuple.Tuple1[].class);
        assertThat(Types.MAP(Types.STRING, Types.LONG)).hasToString("Map<String, Long>");
        assertThat(Types.VOID.createSerializer().getLength()).isEqualTo(1);
    }
}
