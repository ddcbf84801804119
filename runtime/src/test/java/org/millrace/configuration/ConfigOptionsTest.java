package org.millrace.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigOptionsTest {

    private enum Mode {
        EXACTLY_ONCE,
        AT_LEAST_ONCE
    }

    @Test
    void durations_are_read_with_or_without_units() {
        ConfigOption<Duration> d = ConfigOptions.key("d").durationType().noDefaultValue();
        assertThat(d.parse("100 ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(d.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(d.parse("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.parse("10 sec")).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.parse("5 min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.parse("2 h")).isEqualTo(Duration.ofHours(2));
        assertThat(d.parse("1 d")).isEqualTo(Duration.ofDays(1));
        assertThat(d.parse("7 DAYS")).isEqualTo(Duration.ofDays(7));
        assertThat(d.parse("250 us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(d.parse("3 ns")).isEqualTo(Duration.ofNanos(3));
        assertThat(d.parse("1500")).as("a plain number is milliseconds").isEqualTo(Duration.ofMillis(1500));
        assertThat(d.parse(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(d.parse("PT0.1S")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void durations_are_written_in_the_largest_exact_unit_and_read_back() {
        assertThat(TimeUtils.formatDuration(Duration.ofMillis(100))).isEqualTo("100 ms");
        assertThat(TimeUtils.formatDuration(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(TimeUtils.formatDuration(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(TimeUtils.formatDuration(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(TimeUtils.formatDuration(Duration.ofHours(48))).isEqualTo("2 d");
        assertThat(TimeUtils.formatDuration(Duration.ofNanos(1_500))).isEqualTo("1500 ns");
        assertThat(TimeUtils.formatDuration(Duration.ZERO)).isEqualTo("0 ms");
        for (Duration x : List.of(Duration.ofMillis(1), Duration.ofNanos(7), Duration.ofDays(365 * 100),
                Duration.ofSeconds(Long.MAX_VALUE / 2, 1))) {
            assertThat(TimeUtils.parseDuration(TimeUtils.formatDuration(x))).isEqualTo(x);
        }
    }

    @Test
    void malformed_durations_name_the_key_the_value_and_the_format() {
        ConfigOption<Duration> d = ConfigOptions.key("heartbeat.x").durationType().noDefaultValue();
        assertThatThrownBy(() -> d.parse("10 parsecs"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value '10 parsecs' for configuration key 'heartbeat.x': expected a duration such as"
                        + " '100 ms', '10 s' or '5 min' (a plain number is milliseconds) (unknown time unit 'parsecs')");
        assertThatThrownBy(() -> d.parse("-5 s")).hasMessageContaining("'-5 s'").hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> d.parse("ms")).hasMessageContaining("does not start with a number");
        assertThatThrownBy(() -> d.parse("1.5 s")).hasMessageContaining("unknown time unit '.5 s'");
        assertThatThrownBy(() -> d.parse("99999999999999999999 ms")).hasMessageContaining("number too large");
        assertThatThrownBy(() -> d.parse("")).hasMessageContaining("empty duration");
    }

    @Test
    void memory_sizes_use_powers_of_1024() {
        ConfigOption<MemorySize> m = ConfigOptions.key("m").memoryType().noDefaultValue();
        assertThat(m.parse("64mb").getBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(m.parse("64 MB").getBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(m.parse("32 kb").getBytes()).isEqualTo(32L * 1024);
        assertThat(m.parse("32k").getBytes()).isEqualTo(32L * 1024);
        assertThat(m.parse("1g").getBytes()).isEqualTo(1L << 30);
        assertThat(m.parse("1728m").getMebiBytes()).isEqualTo(1728);
        assertThat(m.parse("2 tb").getBytes()).isEqualTo(2L << 40);
        assertThat(m.parse("1000").getBytes()).as("a plain number is bytes").isEqualTo(1000);
        assertThat(m.parse("12 bytes").getBytes()).isEqualTo(12);
    }

    @Test
    void memory_sizes_are_written_in_the_largest_exact_unit_and_read_back() {
        assertThat(MemorySize.ofMebiBytes(64)).hasToString("64 mb");
        assertThat(MemorySize.ofKibiBytes(32)).hasToString("32 kb");
        assertThat(MemorySize.ofMebiBytes(1024)).hasToString("1 gb");
        assertThat(new MemorySize(1000)).hasToString("1000 b");
        assertThat(MemorySize.ZERO).hasToString("0 b");
        for (long bytes : new long[] {0, 1, 1023, 1024, 1536, 3L << 40, Long.MAX_VALUE}) {
            assertThat(MemorySize.parse(new MemorySize(bytes).toString()).getBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void malformed_memory_sizes_name_the_key_and_the_value() {
        ConfigOption<MemorySize> m = ConfigOptions.key("taskmanager.x").memoryType().noDefaultValue();
        assertThatThrownBy(() -> m.parse("64 mib"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageStartingWith("Invalid value '64 mib' for configuration key 'taskmanager.x': expected a memory size")
                .hasMessageEndingWith("(unknown memory unit 'mib')");
        assertThatThrownBy(() -> m.parse("9000000 tb")).hasMessageContaining("too large");
        assertThatThrownBy(() -> m.parse("lots")).hasMessageContaining("does not start with a number");
    }

    @Test
    void scalar_types_parse_strictly() {
        ConfigOption<Integer> i = ConfigOptions.key("i").intType().defaultValue(3);
        ConfigOption<Long> l = ConfigOptions.key("l").longType().noDefaultValue();
        ConfigOption<Boolean> b = ConfigOptions.key("b").booleanType().defaultValue(false);
        ConfigOption<Double> d = ConfigOptions.key("d").doubleType().noDefaultValue();
        ConfigOption<Mode> e = ConfigOptions.key("e").enumType(Mode.class).defaultValue(Mode.EXACTLY_ONCE);

        assertThat(i.parse(" 42 ")).isEqualTo(42);
        assertThat(l.parse("12345678901")).isEqualTo(12345678901L);
        assertThat(b.parse("TRUE")).isTrue();
        assertThat(b.parse("false")).isFalse();
        assertThat(d.parse("0.75")).isEqualTo(0.75);
        assertThat(e.parse("at_least_once")).isEqualTo(Mode.AT_LEAST_ONCE);
        assertThat(e.parse("at-least-once")).isEqualTo(Mode.AT_LEAST_ONCE);

        assertThatThrownBy(() -> i.parse("4x")).hasMessage("Invalid value '4x' for configuration key 'i': expected an integer");
        assertThatThrownBy(() -> i.parse("3000000000")).hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> b.parse("yes")).hasMessage("Invalid value 'yes' for configuration key 'b': expected true or false");
        assertThatThrownBy(() -> d.parse("NaN")).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> e.parse("twice"))
                .hasMessage("Invalid value 'twice' for configuration key 'e': expected one of EXACTLY_ONCE, AT_LEAST_ONCE");
    }

    @Test
    void checks_reject_out_of_range_values_and_bad_defaults() {
        ConfigOption<Integer> p = ConfigOptions.key("p").intType().checking(x -> x >= 1, "at least 1").defaultValue(1);
        assertThat(p.parse("8")).isEqualTo(8);
        assertThatThrownBy(() -> p.parse("0"))
                .hasMessage("Invalid value '0' for configuration key 'p': expected an integer (must be at least 1)");
        assertThatThrownBy(() -> ConfigOptions.key("q").intType().checking(x -> x >= 1, "at least 1").defaultValue(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lists_are_comma_separated() {
        ConfigOption<List<String>> dirs = ConfigOptions.key("dirs").stringType().asList().noDefaultValue();
        ConfigOption<List<Integer>> ports = ConfigOptions.key("ports").intType().asList().defaultValues(1, 2);
        assertThat(dirs.parse("hdfs:///a, hdfs:///b,")).containsExactly("hdfs:///a", "hdfs:///b");
        assertThat(dirs.parse("")).isEmpty();
        assertThat(ports.defaultValue()).containsExactly(1, 2);
        assertThatThrownBy(() -> ports.parse("1,x")).hasMessageContaining("'1,x'").hasMessageContaining("'ports'");
    }

    @Test
    void configuration_set_writes_a_form_get_reads_back() {
        ConfigOption<Duration> d = ConfigOptions.key("d").durationType().defaultValue(Duration.ofSeconds(1));
        ConfigOption<MemorySize> m = ConfigOptions.key("m").memoryType().noDefaultValue();
        ConfigOption<List<String>> l = ConfigOptions.key("l").stringType().asList().noDefaultValue();
        Configuration c = new Configuration()
                .set(d, Duration.ofMillis(250))
                .set(m, MemorySize.ofMebiBytes(3))
                .set(l, List.of("a", "b"));

        assertThat(c.toMap()).containsEntry("d", "250 ms").containsEntry("m", "3 mb").containsEntry("l", "a,b");
        assertThat(c.get(d)).isEqualTo(Duration.ofMillis(250));
        assertThat(c.get(m)).isEqualTo(MemorySize.ofMebiBytes(3));
        assertThat(c.get(l)).containsExactly("a", "b");

        c.set(d, null);
        assertThat(c.contains(d)).isFalse();
        assertThat(c.get(d)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void with_description_keeps_everything_else() {
        ConfigOption<Integer> o = ConfigOptions.key("o").intType().defaultValue(5).withDescription("five");
        assertThat(o.key()).isEqualTo("o");
        assertThat(o.defaultValue()).isEqualTo(5);
        assertThat(o.description()).isEqualTo("five");
        assertThat(o.parse("6")).isEqualTo(6);
    }
}
