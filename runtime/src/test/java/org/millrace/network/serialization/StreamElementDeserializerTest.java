package org.millrace.network.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.millrace.network.serialization.StreamElementDeserializer.BUFFER_CONSUMED;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD;
import static org.millrace.network.serialization.StreamElementFormat.TAG_RECORD_WITH_TIMESTAMP;
import static org.millrace.network.serialization.StreamElementFormat.TAG_WATERMARK;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.millrace.network.buffer.Buffer;
import org.millrace.network.buffer.BufferRecycler;
import org.millrace.types.ByteArrays;
import org.millrace.types.DataInputDeserializer;

/** The element format read from hand-built buffers: in-place records, spanning records, corruption. */
class StreamElementDeserializerTest {

    private final DataInputDeserializer input = new DataInputDeserializer();
    private final StreamElementDeserializer deserializer = new StreamElementDeserializer();

    private static Buffer buffer(byte[] bytes, int size) {
        return new Buffer(bytes, BufferRecycler.DISCARDING, Buffer.DataType.DATA_BUFFER, size);
    }

    @Test
    void when_elementsLieWithinOneBuffer_then_recordsAreReadInPlace() throws IOException {
        byte[] memory = new byte[64];
        int p = 0;
        memory[p++] = TAG_RECORD;
        ByteArrays.putInt(memory, p, 8);
        ByteArrays.putLong(memory, p + 4, 4711L);
        p += 12;
        memory[p++] = TAG_RECORD_WITH_TIMESTAMP;
        ByteArrays.putLong(memory, p, 99L);
        ByteArrays.putInt(memory, p + 8, 8);
        ByteArrays.putLong(memory, p + 12, -5L);
        p += 20;
        memory[p++] = TAG_WATERMARK;
        ByteArrays.putLong(memory, p, 1234L);
        p += 8;
        Buffer buffer = buffer(memory, p);
        deserializer.setNextBuffer(buffer);

        assertThat(deserializer.readNextElement(input)).isEqualTo(TAG_RECORD);
        assertThat(input.getPosition()).as("points into the buffer").isEqualTo(5);
        assertThat(input.readLong()).isEqualTo(4711L);
        assertThat(deserializer.getTimestamp()).isEqualTo(Long.MIN_VALUE);

        assertThat(deserializer.readNextElement(input)).isEqualTo(TAG_RECORD_WITH_TIMESTAMP);
        assertThat(input.readLong()).isEqualTo(-5L);
        assertThat(deserializer.getTimestamp()).isEqualTo(99L);

        assertThat(deserializer.readNextElement(input)).isEqualTo(TAG_WATERMARK);
        assertThat(deserializer.getTimestamp()).isEqualTo(1234L);
        assertThat(buffer.isRecycled()).isFalse();
        assertThat(deserializer.readNextElement(input)).isEqualTo(BUFFER_CONSUMED);
        assertThat(buffer.isRecycled()).isTrue();
    }

    @Test
    void when_recordSpansThreeBuffers_then_itIsGatheredAndEachBufferRecycledWhenRead() throws IOException {
        byte[] payload = new byte[150];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        byte[] first = new byte[64];
        first[0] = TAG_RECORD;
        ByteArrays.putInt(first, 1, payload.length);
        System.arraycopy(payload, 0, first, 5, 59);
        byte[] second = Arrays.copyOfRange(payload, 59, 59 + 64);
        byte[] third = new byte[64];
        System.arraycopy(payload, 123, third, 0, 27);
        third[27] = TAG_WATERMARK;
        ByteArrays.putLong(third, 28, 7L);

        Buffer b1 = buffer(first, 64);
        Buffer b2 = buffer(second, 64);
        Buffer b3 = buffer(third, 36);
        deserializer.setNextBuffer(b1);
        assertThat(deserializer.readNextElement(input)).isEqualTo(BUFFER_CONSUMED);
        assertThat(b1.isRecycled()).isTrue();
        assertThat(deserializer.hasPartialRecord()).isTrue();
        deserializer.setNextBuffer(b2);
        assertThat(deserializer.readNextElement(input)).isEqualTo(BUFFER_CONSUMED);
        assertThat(b2.isRecycled()).isTrue();
        deserializer.setNextBuffer(b3);
        assertThat(deserializer.readNextElement(input)).isEqualTo(TAG_RECORD);
        byte[] read = new byte[input.available()];
        input.readFully(read);
        assertThat(read).isEqualTo(payload);
        assertThat(deserializer.hasPartialRecord()).isFalse();
        assertThat(deserializer.readNextElement(input)).isEqualTo(TAG_WATERMARK);
        assertThat(deserializer.getTimestamp()).isEqualTo(7L);
        assertThat(deserializer.releaseBufferIfConsumed()).isTrue();
        assertThat(b3.isRecycled()).isTrue();
    }

    @Test
    void when_bufferHoldsAnUnknownTagOrACutHeader_then_readingFails() {
        byte[] memory = new byte[16];
        memory[0] = 9;
        deserializer.setNextBuffer(buffer(memory, 16));
        assertThatThrownBy(() -> deserializer.readNextElement(input))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown element tag 9");

        StreamElementDeserializer other = new StreamElementDeserializer();
        byte[] cut = new byte[16];
        cut[0] = TAG_RECORD_WITH_TIMESTAMP;
        other.setNextBuffer(buffer(cut, 6));
        assertThatThrownBy(() -> other.readNextElement(input))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cut at a buffer end");
    }
}
