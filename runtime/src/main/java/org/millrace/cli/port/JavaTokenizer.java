package org.millrace.cli.port;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source text into the tokens {@link ImportRewriter} needs: identifiers (keywords
 * included), literals and single-character symbols, each with its offsets; comments and white
 * space are skipped, so that an {@code import} inside a comment or a string is never seen as one.
 * Works on text decoded as ISO-8859-1 (one char per byte): every character from 0x80 up counts
 * as part of an identifier, which is right for UTF-8 sources. Unicode escapes ({@code \u0069mport})
 * are not decoded. Stateless; any thread.
 */
final class JavaTokenizer {

    enum Kind { IDENTIFIER, LITERAL, SYMBOL }

    /** One token: {@code text.substring(start, end)}. */
    record Token(Kind kind, int start, int end, String text) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private JavaTokenizer() {}

    static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int start = i;
            if (Character.isWhitespace(c) || c == '\u001a') {
                i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = quotedEnd(source, i + 3, "\"\"\"");
                tokens.add(new Token(Kind.LITERAL, start, i, source.substring(start, i)));
            } else if (c == '"' || c == '\'') {
                i = quotedEnd(source, i + 1, String.valueOf(c));
                tokens.add(new Token(Kind.LITERAL, start, i, source.substring(start, i)));
            } else if (isIdentifierPart(c)) {
                while (i < n && isIdentifierPart(source.charAt(i))) {
                    i++;
                }
                // a number such as 1.5 splits into two tokens: harmless, only names matter here
                Kind kind = Character.isDigit(c) ? Kind.LITERAL : Kind.IDENTIFIER;
                tokens.add(new Token(kind, start, i, source.substring(start, i)));
            } else {
                i++;
                tokens.add(new Token(Kind.SYMBOL, start, i, source.substring(start, i)));
            }
        }
        return tokens;
    }

    private static boolean isIdentifierPart(char c) {
        return c >= 0x80 || Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int lineEnd(String source, int from) {
        int i = from;
        while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The offset after the closing quote; a string or char literal also ends at its line's end. */
    private static int quotedEnd(String source, int from, String quote) {
        boolean singleLine = quote.length() == 1;
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else if (singleLine && (c == '\n' || c == '\r')) {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
