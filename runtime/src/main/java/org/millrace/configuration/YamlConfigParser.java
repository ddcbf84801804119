package org.millrace.configuration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads {@code millrace.yaml} into flat dotted keys: nested maps ({@code taskmanager: {numberOfTaskSlots: 2}})
 * and flat keys ({@code taskmanager.numberOfTaskSlots: 2}) give the same key; a list becomes its
 * elements joined by commas; an empty value ({@code key:}) maps to null (the caller leaves such a
 * key unset). Scalars keep
 * their text as written ({@code 64mb}, {@code 100 ms}), so the options parse them, not YAML.
 * Stateless; any thread.
 */
final class YamlConfigParser {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlConfigParser() {}

    /**
     * Returns the flat keys in file order, with null for a key without a value.
     *
     * @param source names the input in messages (the file's path)
     * @throws IllegalConfigurationException if the YAML is malformed or not a map of keys to values,
     *     or a key is given twice
     */
    static Map<String, String> parse(Reader reader, String source) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = YAML.createParser(reader)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = p.nextToken();
            if (first == null) {
                return out; // an empty file (or only comments)
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(source, p, "the top level must be a map of keys to values");
            }
            readMap(p, "", out, source);
        } catch (JsonProcessingException e) {
            throw new IllegalConfigurationException("Cannot parse configuration file '" + source + "': "
                    + problem(e.getOriginalMessage()) + at(e.getLocation()), e);
        }
        return out;
    }

    private static void readMap(JsonParser p, String prefix, Map<String, String> out, String source) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readMap(p, key, out, source);
            } else if (value == JsonToken.START_ARRAY) {
                put(out, key, readList(p, key, source), p, source);
            } else {
                put(out, key, value == JsonToken.VALUE_NULL ? null : p.getText(), p, source);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw error(source, p, "unexpected " + t);
        }
    }

    private static String readList(JsonParser p, String key, String source) throws IOException {
        List<String> elements = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                throw error(source, p, "the list of key '" + key + "' may only hold plain values");
            }
            if (t != JsonToken.VALUE_NULL) {
                elements.add(p.getText());
            }
        }
        return String.join(",", elements);
    }

    private static void put(Map<String, String> out, String key, String value, JsonParser p, String source) {
        if (out.containsKey(key)) {
            throw error(source, p, "key '" + key + "' is given twice");
        }
        out.put(key, value);
    }

    private static IllegalConfigurationException error(String source, JsonParser p, String what) {
        return new IllegalConfigurationException(
                "Cannot parse configuration file '" + source + "': " + what + at(p.currentLocation()));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * The YAML parser's message spans lines: what it was doing and what went wrong start at column
     * 0, positions and source excerpts are indented. Keeps the former, on one line.
     */
    private static String problem(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        StringJoiner problem = new StringJoiner(": ");
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem.add(line.strip());
            }
        }
        return problem.length() == 0 ? message.strip() : problem.toString();
    }
}
