package org.millrace.configuration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration of a Millrace process: {@code millrace.yaml} from the configuration
 * directory, then {@code -Dkey=value} overrides on top. Every known key is checked as it is
 * loaded, so a malformed value fails here with the file (or "-D"), the key and the value in the
 * message. Stateless; any thread.
 */
public final class GlobalConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);

    public static final String CONFIG_FILE_NAME = "millrace.yaml";

    /** Environment variable naming the configuration directory (the launch scripts honour it too). */
    public static final String ENV_CONF_DIR = "MILLRACE_CONF_DIR";

    /** System property the launch scripts set to the configuration directory. */
    public static final String CONF_DIR_PROPERTY = "millrace.conf.dir";

    private GlobalConfiguration() {}

    /** Reads {@code confDir/millrace.yaml}. */
    public static Configuration loadConfiguration(Path confDir) {
        return loadConfiguration(confDir, Map.of());
    }

    /** Reads {@code confDir/millrace.yaml} and lays {@code dynamicProperties} (from {@code -D}) over it. */
    public static Configuration loadConfiguration(Path confDir, Map<String, String> dynamicProperties) {
        if (!Files.isDirectory(confDir)) {
            throw new IllegalConfigurationException("Configuration directory '" + confDir + "' does not exist (set "
                    + ENV_CONF_DIR + " to the directory holding " + CONFIG_FILE_NAME + ")");
        }
        Configuration configuration = loadYamlFile(confDir.resolve(CONFIG_FILE_NAME));
        Configuration overrides = Configuration.fromMap(dynamicProperties);
        warnUnknown(OptionCatalog.validate(overrides, "from -D"), "from -D");
        return configuration.addAll(overrides);
    }

    /** Reads one YAML configuration file and checks its known keys. */
    public static Configuration loadYamlFile(Path file) {
        Map<String, String> entries;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries = YamlConfigParser.parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalConfigurationException("Configuration file '" + file + "' does not exist (set "
                    + ENV_CONF_DIR + " to the directory holding " + CONFIG_FILE_NAME + ")", e);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read configuration file '" + file + "': " + e, e);
        }
        Configuration configuration = new Configuration();
        entries.forEach((key, value) -> {
            if (value != null) { // "key:" with no value leaves the key unset
                configuration.setString(key, value);
            }
        });
        String origin = "in " + file;
        warnUnknown(OptionCatalog.validate(configuration, origin), origin);
        LOG.info("Loaded configuration from {}: {} keys set", file, configuration.toMap().size());
        return configuration;
    }

    private static void warnUnknown(List<String> unknownKeys, String origin) {
        for (String key : unknownKeys) {
            LOG.warn("Configuration key '{}' ({}) is not a Millrace option; it is kept but nothing may read it", key, origin);
        }
    }
}
