package org.millrace.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.types.TestingTypes.Address;
import org.millrace.types.TestingTypes.Person;
import org.millrace.types.TestingTypes.Reading;

class FieldAccessorTest {

    @Test
    void tupleField_byPositionAndName() {
        TypeInformation<Tuple2<String, Long>> type = Types.TUPLE(Types.STRING, Types.LONG);
        FieldAccessor<Tuple2<String, Long>, Long> count = FieldAccessor.of(type, 1);
        Tuple2<String, Long> t = Tuple2.of("a", 1L);
        assertThat(count.get(t)).isEqualTo(1L);
        assertThat(count.set(t, 5L)).isSameAs(t);
        assertThat(t.f1).isEqualTo(5L);
        assertThat(count.getFieldType()).isEqualTo(Types.LONG);
        FieldAccessor<Tuple2<String, Long>, String> word = FieldAccessor.of(type, "f0");
        assertThat(word.get(t)).isEqualTo("a");
    }

    @Test
    void nestedPath_throughTuplesAndPojos() {
        TypeInformation<Tuple3<String, Person, Long>> type =
                Types.TUPLE(Types.STRING, TypeInformation.of(Person.class), Types.LONG);
        Person p = new Person("Ada", 36);
        p.address = new Address("Bern", 3000);
        Tuple3<String, Person, Long> t = Tuple3.of("k", p, 0L);
        FieldAccessor<Tuple3<String, Person, Long>, Integer> zip = FieldAccessor.of(type, "f1.address.zip");
        assertThat(zip.getFieldType()).isEqualTo(Types.INT);
        assertThat(zip.get(t)).isEqualTo(3000);
        zip.set(t, 3011);
        assertThat(p.address.getZip()).isEqualTo(3011);
        FieldAccessor<Tuple3<String, Person, Long>, Integer> age = FieldAccessor.of(type, "f1.age");
        assertThat(age.set(t, age.get(t) + 1)).isSameAs(t);
        assertThat(p.age).isEqualTo(37);
    }

    @Test
    void pojoField_byPosition_followsTheSortedFieldOrder() {
        TypeInformation<Address> type = TypeInformation.of(Address.class);
        FieldAccessor<Address, String> city = FieldAccessor.of(type, 0); // city, verified, zip
        assertThat(city.get(new Address("Genf", 1200))).isEqualTo("Genf");
    }

    @Test
    void recordField_setRebuildsTheRecord() {
        TypeInformation<Reading> type = TypeInformation.of(Reading.class);
        Reading r = new Reading("s", 10L, 1.5, List.of(), null);
        FieldAccessor<Reading, Double> value = FieldAccessor.of(type, "value");
        Reading updated = value.set(r, value.get(r) + 1);
        assertThat(updated).isEqualTo(new Reading("s", 10L, 2.5, List.of(), null));
        assertThat(r.value()).isEqualTo(1.5);
    }

    @Test
    void basicType_isAccessedAsAWhole() {
        FieldAccessor<Long, Long> whole = FieldAccessor.of(Types.LONG, 0);
        assertThat(whole.set(1L, 2L)).isEqualTo(2L);
        assertThat(FieldAccessor.<Long, Long>of(Types.LONG, "*").get(7L)).isEqualTo(7L);
        assertThatThrownBy(() -> FieldAccessor.of(Types.LONG, 1)).isInstanceOf(InvalidTypesException.class);
        assertThatThrownBy(() -> FieldAccessor.of(Types.LONG, "f0")).isInstanceOf(InvalidTypesException.class);
    }

    @Test
    void unknownField_isAnErrorListingTheFields() {
        assertThatThrownBy(() -> FieldAccessor.of(TypeInformation.of(Address.class), "street"))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("city");
        assertThatThrownBy(() -> FieldAccessor.of(Types.TUPLE(Types.INT), 1)).isInstanceOf(InvalidTypesException.class);
    }
}
