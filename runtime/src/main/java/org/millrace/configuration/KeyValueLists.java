package org.millrace.configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of a map-valued option, as Flink writes it: {@code k1:v1,k2:v2}, where a key or
 * value holding a comma, colon or double quote is put in double quotes, a quote inside quotes
 * doubled ({@code "a,b":"say ""hi"""}). Stateless; any thread.
 */
public final class KeyValueLists {

    private KeyValueLists() {}

    /** The map's entries in this form, in the map's order; every key and value quoted where needed. */
    public static String format(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            appendToken(sb, e.getKey());
            sb.append(':');
            appendToken(sb, e.getValue() == null ? "" : e.getValue());
        }
        return sb.toString();
    }

    /**
     * The map written by {@link #format} (or by a user in the same form), in its order.
     *
     * @throws IllegalArgumentException for an entry without exactly one unquoted colon, or an unclosed quote
     */
    public static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Collections.emptyMap();
        }
        Map<String, String> map = new LinkedHashMap<>();
        List<String> entry = new ArrayList<>(2);
        StringBuilder token = new StringBuilder();
        boolean quoted = false; // a quoted token keeps its blanks
        int i = 0;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '"' && token.toString().isBlank()) {
                token.setLength(0);
                i = readQuoted(text, i + 1, token);
                quoted = true;
                continue;
            }
            if (c == ':' || c == ',') {
                entry.add(quoted ? token.toString() : token.toString().trim());
                token.setLength(0);
                quoted = false;
                if (c == ',') {
                    if (entry.size() != 2) {
                        throw new IllegalArgumentException("'" + String.join(":", entry) + "' is not a key:value pair");
                    }
                    map.put(entry.get(0), entry.get(1));
                    entry.clear();
                }
            } else {
                token.append(c);
            }
            i++;
        }
        return map;
    }

    /** Reads a quoted token starting after its opening quote; returns the index after the closing quote. */
    private static int readQuoted(String text, int start, StringBuilder token) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    token.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            token.append(c);
            i++;
        }
        throw new IllegalArgumentException("unclosed quote in '" + text + "'");
    }

    private static void appendToken(StringBuilder sb, String token) {
        boolean quote = token.isEmpty() || !token.equals(token.trim())
                || token.indexOf(',') >= 0 || token.indexOf(':') >= 0 || token.indexOf('"') >= 0;
        if (!quote) {
            sb.append(token);
            return;
        }
        sb.append('"').append(token.replace("\"", "\"\"")).append('"');
    }
}
