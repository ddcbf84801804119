package org.millrace.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Verifying that conf/millrace.yaml documents exactly the options the code declares: each as a
 * commented-out line {@code # key: value} (the default, or an example for a key without one) under
 * a comment saying what it does.
 */
class MillraceYamlTest {

    /** A commented-out setting: "# " then a dotted key and a colon; descriptions never look like that. */
    private static final Pattern KEY_LINE = Pattern.compile("^# ([a-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)+):(.*)$");

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("conf/millrace.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no conf/millrace.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static List<String> confLines() throws IOException {
        return Files.readAllLines(repositoryRoot().resolve("conf/millrace.yaml"));
    }

    /** The file with every documented key switched on, read the way the loader reads it. */
    private static Map<String, String> documentedEntries() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (String line : confLines()) {
            Matcher m = KEY_LINE.matcher(line);
            if (m.matches()) {
                yaml.append(line.substring(2)).append('\n');
            }
        }
        return YamlConfigParser.parse(new StringReader(yaml.toString()), "conf/millrace.yaml (uncommented)");
    }

    @Test
    void every_catalog_key_is_in_the_file_and_every_file_key_is_in_the_catalog() throws IOException {
        List<String> catalogKeys = OptionCatalog.options().stream().map(ConfigOption::key).collect(Collectors.toList());
        assertThat(documentedEntries().keySet()).containsExactlyInAnyOrderElementsOf(catalogKeys);
    }

    @Test
    void the_catalog_covers_every_option_constant_of_the_option_classes() {
        int constants = 0;
        for (Class<?> c : OptionCatalog.optionClasses()) {
            for (var f : c.getDeclaredFields()) {
                if (f.getType() == ConfigOption.class) {
                    assertThat(java.lang.reflect.Modifier.isPublic(f.getModifiers()))
                            .as(c.getSimpleName() + "." + f.getName() + " is public").isTrue();
                    constants++;
                }
            }
        }
        assertThat(OptionCatalog.options()).hasSize(constants);
    }

    @Test
    void the_file_shows_each_default_and_valid_examples_for_keys_without_one() throws IOException {
        Map<String, String> entries = documentedEntries();
        Map<String, Object> wrong = new LinkedHashMap<>();
        for (ConfigOption<?> option : OptionCatalog.options()) {
            String raw = entries.get(option.key());
            Object inFile = raw == null ? null : option.parse(raw); // an example must parse too
            if (option.hasDefaultValue() && !Objects.equals(inFile, option.defaultValue())) {
                wrong.put(option.key(), raw + " (default: " + option.defaultValue() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_key_has_a_description_right_above_it() throws IOException {
        List<String> lines = confLines();
        List<String> undescribed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (KEY_LINE.matcher(lines.get(i)).matches()) {
                String above = i == 0 ? "" : lines.get(i - 1);
                if (!above.startsWith("# ") || KEY_LINE.matcher(above).matches()) {
                    undescribed.add(lines.get(i));
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void every_option_has_a_description() {
        assertThat(OptionCatalog.options()).allSatisfy(o -> assertThat(o.description()).as(o.key()).isNotBlank());
    }

    @Test
    void the_shipped_file_loads_and_sets_nothing_so_that_a_set_key_means_the_user_chose_it() {
        Configuration c = GlobalConfiguration.loadConfiguration(repositoryRoot().resolve("conf"));
        assertThat(c.toMap()).isEmpty();
    }
}
