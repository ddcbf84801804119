package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.TestingTypes.Address;
import org.millrace.types.TestingTypes.Employee;
import org.millrace.types.TestingTypes.Node;
import org.millrace.types.TestingTypes.Person;
import org.millrace.types.TestingTypes.Positive;
import org.millrace.types.TestingTypes.Reading;

class PojoSerializerTest {

    private final TypeSerializer<Person> persons = TypeInformation.of(Person.class).createSerializer();

    private static Person fullPerson() {
        Person p = new Person("Ada", 36);
        p.id = Long.MAX_VALUE;
        p.score = -1.5;
        p.active = true;
        p.b = -3;
        p.s = 300;
        p.c = 'λ';
        p.f = 2.5f;
        p.boxed = 17;
        p.tags = new ArrayList<>(List.of("x", "y"));
        p.address = new Address("Zürich", 8000);
        p.address.setVerified(true);
        return p;
    }

    @Test
    void pojo_withAllFieldKinds_roundTrips() throws Exception {
        assertThat(persons).isInstanceOf(PojoSerializer.class);
        assertRoundTrips(persons, fullPerson(), new Person(), new Person("Bob", 1));
    }

    @Test
    void nullReferenceFields_costOneByteEach_andPrimitivesHaveNoMarker() {
        // fields by name: active, address, age, b, boxed, c, f, id, name, s, score, tags
        // primitives: 1 + 4 + 1 + 2 + 4 + 8 + 2 + 8 = 30 bytes; 4 null reference fields: 4 bytes
        assertThat(serialize(persons, new Person())).hasSize(34);
    }

    @Test
    void privateFieldsWithAccessors_roundTrip() throws Exception {
        TypeSerializer<Address> addresses = TypeInformation.of(Address.class).createSerializer();
        Address verified = new Address("Basel", 4000);
        verified.setVerified(true);
        assertRoundTrips(addresses, verified, new Address(null, 0));
    }

    @Test
    void subclassPojo_includesInheritedFields() throws Exception {
        TypeSerializer<Employee> employees = TypeInformation.of(Employee.class).createSerializer();
        Employee e = new Employee("Grace", 45, "Navy");
        e.tags = List.of("admiral");
        assertRoundTrips(employees, e);
    }

    @Test
    void subclassInstance_isRejectedByTheBaseSerializer() {
        assertThatThrownBy(() -> serialize(persons, new Employee("x", 1, "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Employee.class.getName());
    }

    @Test
    void recursivePojo_roundTrips() throws Exception {
        TypeSerializer<Node> nodes = TypeInformation.of(Node.class).createSerializer();
        assertRoundTrips(nodes, new Node("a", new Node("b", new Node("c", null))), new Node(null, null));
    }

    @Test
    void deserializeWithReuse_fillsTheGivenObjectAndItsMutableFields() throws Exception {
        byte[] bytes = serialize(persons, fullPerson());
        Person reuse = new Person("old", 1);
        Address oldAddress = new Address("old", 1);
        reuse.address = oldAddress;
        Person read = persons.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(read).isSameAs(reuse).isEqualTo(fullPerson());
        assertThat(read.address).isSameAs(oldAddress);
    }

    @Test
    void copy_isDeep() {
        Person original = fullPerson();
        Person copy = persons.copy(original);
        assertThat(copy).isEqualTo(original);
        assertThat(copy.address).isNotSameAs(original.address);
        assertThat(copy.tags).isNotSameAs(original.tags);
    }

    @Test
    void duplicate_copiesStatefulFieldSerializers() {
        assertThat(persons.duplicate()).isNotSameAs(persons);
    }

    @Test
    void records_roundTripThroughTheirCanonicalConstructor() throws Exception {
        TypeInformation<Reading> info = TypeInformation.of(Reading.class);
        assertThat(info).isInstanceOf(org.millrace.api.typeinfo.PojoTypeInfo.class);
        TypeSerializer<Reading> readings = info.createSerializer();
        Reading full = new Reading("s1", 1_700_000_000_000L, -3.25, List.of("a"), new Address("Bern", 3000));
        assertRoundTrips(readings, full, new Reading(null, 0, 0, null, null));
        assertThat(readings.createInstance()).isNull();
        Reading copy = readings.copy(full);
        assertThat(copy).isEqualTo(full);
        assertThat(copy.location()).isNotSameAs(full.location());
        assertThat(readings.duplicate()).isNotSameAs(readings);
    }

    @Test
    void recordConstructorChecks_applyWhenReading() throws Exception {
        TypeSerializer<Positive> positives = TypeInformation.of(Positive.class).createSerializer();
        assertRoundTrips(positives, new Positive(3));
        byte[] zero = {0, 0, 0, 0};
        assertThatThrownBy(() -> SerializerTestHarness.deserialize(positives, zero))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive");
    }
}
