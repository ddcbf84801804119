package org.millrace.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Verifying that conf/millrace.yaml documents exactly the options the code declares, with their defaults. */
class MillraceYamlTest {

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

    private static Map<String, String> confEntries() throws IOException {
        Path file = repositoryRoot().resolve("conf/millrace.yaml");
        try (Reader r = Files.newBufferedReader(file)) {
            return YamlConfigParser.parse(r, file.toString());
        }
    }

    @Test
    void every_catalog_key_is_in_the_file_and_every_file_key_is_in_the_catalog() throws IOException {
        List<String> catalogKeys = OptionCatalog.options().stream().map(ConfigOption::key).collect(Collectors.toList());
        assertThat(confEntries().keySet()).containsExactlyInAnyOrderElementsOf(catalogKeys);
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
    void the_file_gives_each_key_its_default_and_keys_without_default_no_value() throws IOException {
        Map<String, String> entries = confEntries();
        Map<String, Object> wrong = new LinkedHashMap<>();
        for (ConfigOption<?> option : OptionCatalog.options()) {
            String raw = entries.get(option.key());
            Object inFile = raw == null ? null : option.parse(raw);
            if (!java.util.Objects.equals(inFile, option.defaultValue())) {
                wrong.put(option.key(), raw + " (default: " + option.defaultValue() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_key_in_the_file_has_a_comment_right_above_it() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve("conf/millrace.yaml"));
        List<String> uncommented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#") && (i == 0 || !lines.get(i - 1).startsWith("# "))) {
                uncommented.add(line);
            }
        }
        assertThat(uncommented).isEmpty();
    }

    @Test
    void every_option_has_a_description() {
        assertThat(OptionCatalog.options()).allSatisfy(o -> assertThat(o.description()).as(o.key()).isNotBlank());
    }

    @Test
    void the_shipped_file_loads() {
        Configuration c = GlobalConfiguration.loadConfiguration(repositoryRoot().resolve("conf"));
        assertThat(c.get(ExecutionOptions.TARGET)).isEqualTo("local");
        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isNull();
    }
}
