package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.DataInputDeserializer;
import org.millrace.types.DataOutputSerializer;

/**
 * Round-trips values through a serializer and checks everything a serializer promises: values come
 * back equal, with and without reuse, back to back in one buffer (so no read strays into the next
 * record), through both the fast byte-array views and plain stream views (same bytes), with the
 * declared fixed length, and through copies and duplicates.
 */
public final class SerializerTestHarness {

    private SerializerTestHarness() {}

    /** The bytes of one value, written through the fast view. */
    public static <T> byte[] serialize(TypeSerializer<T> serializer, T value) {
        DataOutputSerializer out = new DataOutputSerializer(16);
        try {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.getCopyOfBuffer();
    }

    /** Reads one value from exactly {@code bytes}, asserting that all bytes are consumed. */
    public static <T> T deserialize(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes, 0, bytes.length);
        T value = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left after reading").isZero();
        return value;
    }

    @SafeVarargs
    public static <T> void assertRoundTrips(TypeSerializer<T> serializer, T... values) throws IOException {
        assertRoundTrips(serializer, Arrays.asList(values));
    }

    public static <T> void assertRoundTrips(TypeSerializer<T> serializer, List<T> values) throws IOException {
        // back to back through the fast views
        DataOutputSerializer out = new DataOutputSerializer(8);
        List<Integer> ends = new ArrayList<>();
        for (T value : values) {
            serializer.serialize(value, out);
            ends.add(out.length());
        }
        byte[] bytes = out.getCopyOfBuffer();
        int start = 0;
        for (int i = 0; i < values.size(); i++) {
            int length = ends.get(i) - start;
            if (serializer.getLength() >= 0) {
                assertThat(length).as("fixed length of %s", values.get(i)).isEqualTo(serializer.getLength());
            }
            start = ends.get(i);
        }

        DataInputDeserializer in = new DataInputDeserializer(bytes, 0, bytes.length);
        for (int i = 0; i < values.size(); i++) {
            assertThat(serializer.deserialize(in)).isEqualTo(values.get(i));
            assertThat(in.getPosition()).as("end of record %d", i).isEqualTo(ends.get(i));
        }
        assertThat(in.available()).isZero();

        // with reuse, through a duplicate (a fresh instance for stateful serializers)
        TypeSerializer<T> duplicate = serializer.duplicate();
        in.setBuffer(bytes, 0, bytes.length);
        T reuse = duplicate.createInstance();
        for (T value : values) {
            T read = duplicate.deserialize(reuse, in);
            assertThat(read).isEqualTo(value);
            reuse = read;
        }
        assertThat(in.available()).isZero();

        // the generic stream views see the same bytes
        TestingDataOutputView streamOut = new TestingDataOutputView();
        for (T value : values) {
            serializer.serialize(value, streamOut);
        }
        assertThat(streamOut.toByteArray()).isEqualTo(bytes);
        TestingDataInputView streamIn = new TestingDataInputView(bytes);
        for (T value : values) {
            assertThat(serializer.deserialize(streamIn)).isEqualTo(value);
        }
        assertThat(streamIn.available()).isZero();

        // copies are equal, and deep for mutable types
        for (T value : values) {
            T copy = serializer.copy(value);
            assertThat(copy).isEqualTo(value);
            if (!serializer.isImmutableType() && value != null) {
                assertThat(copy).isNotSameAs(value);
            }
        }
    }
}
