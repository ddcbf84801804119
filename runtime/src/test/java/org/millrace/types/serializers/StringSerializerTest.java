package org.millrace.types.serializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.millrace.types.serializers.SerializerTestHarness.assertRoundTrips;
import static org.millrace.types.serializers.SerializerTestHarness.deserialize;
import static org.millrace.types.serializers.SerializerTestHarness.serialize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringSerializerTest {

    private final StringSerializer serializer = new StringSerializer();

    @Test
    void format_asciiIsHeaderThenOneBytePerChar() {
        // header = (length << 1 | ascii 0) + 1
        assertThat(serialize(serializer, "abc")).containsExactly(7, 'a', 'b', 'c');
        assertThat(serialize(serializer, "")).containsExactly(1);
        assertThat(serialize(serializer, null)).containsExactly(0);
    }

    @Test
    void format_nonAsciiCharsAreSevenBitGroups() {
        // 'é' = 0xE9: header (1 << 1 | 1) + 1 = 4, then 0x69 | 0x80, 0xE9 >>> 7
        assertThat(serialize(serializer, "é")).containsExactly(4, 0xE9, 0x01);
        // '中' = 0x4E2D needs three bytes; 'a' still one
        assertThat(serialize(serializer, "a中")).containsExactly(6, 'a', 0xAD, 0x9C, 0x01);
    }

    @Test
    void roundTrips_emptyNullAsciiAndUnicode() throws Exception {
        assertRoundTrips(serializer, Arrays.asList("", null, "hello", "héllo wörld", "日本語テキスト", "mixed ascii + ünïcödé",
                "\u0000\u007f\u0080\u07ff\u0800\u3fff\u4000\uffff", "café", null, "x"));
    }

    @Test
    void roundTrips_surrogatePairsAndUnpairedSurrogates() throws Exception {
        String emoji = "grin \uD83D\uDE00 and \uD83C\uDF89";
        String unpaired = "lone \uD800 high and \uDC00 low, reversed \uDC00\uD800";
        assertRoundTrips(serializer, emoji, unpaired);
        assertThat(deserialize(serializer, serialize(serializer, unpaired))).isEqualTo(unpaired);
        assertThat(emoji.codePoints().filter(Character::isSupplementaryCodePoint).count()).isEqualTo(2);
    }

    @Test
    void roundTrips_stringsLongerThan64KiB() throws Exception {
        String longAscii = "0123456789abcdef".repeat(10_000);
        String longUnicode = "ab\u00e9\u4e2d\uD83D\uDE00".repeat(30_000);
        assertThat(longAscii.length()).isGreaterThan(65_536);
        assertThat(longUnicode.length()).isGreaterThan(65_536);
        assertRoundTrips(serializer, longAscii, longUnicode, "short after long");
        // a short header, not a 64K limit: 160000 chars -> header 320001 in 3 varint bytes
        assertThat(serialize(serializer, longAscii)).hasSize(3 + longAscii.length());
    }

    @Test
    void roundTrips_randomStringsOverAllChars() throws Exception {
        Random random = new Random(42);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80);
            }
            strings.add(new String(chars));
        }
        assertRoundTrips(serializer, strings);
    }

    @Test
    void duplicate_isAnIndependentInstance() {
        assertThat(serializer.duplicate()).isNotSameAs(serializer);
        assertThat(serializer.isImmutableType()).isTrue();
    }
}
