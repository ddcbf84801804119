package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.millrace.types.DataInputDeserializer;

class CollectionSerializersTest {

    @Test
    void list_roundTripsArrayListsAndOtherLists() throws Exception {
        ListSerializer<Long> serializer = new ListSerializer<>(LongSerializer.INSTANCE);
        assertRoundTrips(serializer, List.of(), List.of(1L, 2L, 3L), new ArrayList<>(List.of(-1L)));
        List<Long> linked = new LinkedList<>(List.of(5L, 6L));
        assertThat(SerializerTestHarness.deserialize(serializer, serialize(serializer, linked))).isEqualTo(linked);
    }

    @Test
    void list_ofStrings_keepsNullElementsBecauseTheStringSerializerWritesThem() throws Exception {
        assertRoundTrips(new ListSerializer<>(new StringSerializer()), Arrays.asList("a", null, "b"));
    }

    @Test
    void list_withANullElementItsSerializerCannotWrite_failsClearly() {
        ListSerializer<Long> serializer = new ListSerializer<>(LongSerializer.INSTANCE);
        assertThatThrownBy(() -> serialize(serializer, Arrays.asList(1L, null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null element");
    }

    @Test
    void list_npeFromAnElementsOwnSerializer_isPassedOn() {
        ListSerializer<List<Long>> serializer = new ListSerializer<>(new ListSerializer<>(LongSerializer.INSTANCE));
        List<List<Long>> outer = List.of(List.of(1L), Arrays.asList(2L, null)); // List.of rejects contains(null)
        assertThatThrownBy(() -> serialize(serializer, outer)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null element");
    }

    @Test
    void list_fillsAReusedArrayList() throws Exception {
        ListSerializer<Integer> serializer = new ListSerializer<>(IntSerializer.INSTANCE);
        byte[] bytes = serialize(serializer, List.of(7, 8));
        List<Integer> reuse = new ArrayList<>(List.of(1, 2, 3));
        List<Integer> read = serializer.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length));
        assertThat(read).isSameAs(reuse).containsExactly(7, 8);
    }

    @Test
    void map_roundTripsWithNullValues() throws Exception {
        MapSerializer<String, Integer> serializer = new MapSerializer<>(new StringSerializer(), IntSerializer.INSTANCE);
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("a", 1);
        withNull.put("b", null);
        assertRoundTrips(serializer, Map.of(), Map.of("x", 1, "y", 2), withNull, new TreeMap<>(Map.of("k", 9)));
    }

    @Test
    void map_ofLists_copiesDeeply() throws Exception {
        MapSerializer<Integer, List<String>> serializer =
                new MapSerializer<>(IntSerializer.INSTANCE, new ListSerializer<>(new StringSerializer()));
        Map<Integer, List<String>> value = new HashMap<>(Map.of(1, new ArrayList<>(List.of("a", "b")), 2, List.of()));
        assertRoundTrips(serializer, value);
        Map<Integer, List<String>> copy = serializer.copy(value);
        assertThat(copy.get(1)).isEqualTo(value.get(1)).isNotSameAs(value.get(1));
    }

    @Test
    void map_withANullKey_failsClearly() {
        MapSerializer<Long, Long> serializer = new MapSerializer<>(LongSerializer.INSTANCE, LongSerializer.INSTANCE);
        Map<Long, Long> map = new HashMap<>();
        map.put(null, 1L);
        assertThatThrownBy(() -> serialize(serializer, map)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null key");
    }

    @Test
    void set_roundTripsAndFillsAReusedHashSet() throws Exception {
        SetSerializer<String> serializer = new SetSerializer<>(new StringSerializer());
        assertRoundTrips(serializer, Set.of(), Set.of("a", "b", "ü"), new TreeSet<>(Set.of("x")));
        byte[] bytes = serialize(serializer, Set.of("n"));
        Set<String> reuse = new HashSet<>(Set.of("old"));
        assertThat(serializer.deserialize(reuse, new DataInputDeserializer(bytes, 0, bytes.length))).isSameAs(reuse)
                .containsExactly("n");
    }
}
