package org.millrace.cli.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.millrace.cli.port.JavaTokenizer.Kind;
import org.millrace.cli.port.JavaTokenizer.Token;

/**
 * Rewrites the Flink imports of one Java source file to the Millrace types of the same name, and
 * changes nothing else: only the characters of each mapped import's name are replaced. Names are
 * looked up by their part from the first capitalized segment on ({@code Name},
 * {@code Outer.Inner}); a static import keeps its member ({@code Types.LONG}), which the Millrace
 * type must have. Reports, without changing them, the imports it cannot map (package wildcards
 * included) and every {@code org.apache.flink} name written out in full outside the imports.
 * Stateless; any thread.
 */
final class ImportRewriter {

    static final String FLINK_PREFIX = "org.apache.flink.";

    /** One thing to tell the user about a line of the file; every finding makes the port fail. */
    record Finding(int line, String message) {}

    /** The rewritten text, how many imports changed, and the findings in line order. */
    record Result(String text, int rewrittenImports, List<Finding> findings) {}

    private final ApiTypeTable table;

    ImportRewriter(ApiTypeTable table) {
        this.table = table;
    }

    /** @param source the file's bytes decoded as ISO-8859-1, so that encoding it back restores them */
    Result rewrite(String source) {
        List<Token> tokens = JavaTokenizer.tokenize(source);
        LineIndex lines = new LineIndex(source);
        StringBuilder text = new StringBuilder(source.length() + 64);
        List<Finding> findings = new ArrayList<>();
        int copied = 0;
        int rewritten = 0;
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.IDENTIFIER && token.is("package")) {
                i = indexOfSemicolon(tokens, i);
            } else if (token.kind() == Kind.IDENTIFIER && token.is("import")) {
                ImportDeclaration declaration = ImportDeclaration.parse(tokens, i);
                if (declaration == null) {
                    i++;
                    continue;
                }
                if (declaration.name().startsWith(FLINK_PREFIX)) {
                    int line = lines.lineOf(declaration.nameStart());
                    Optional<Mapping> mapping = map(declaration);
                    if (mapping.isEmpty()) {
                        findings.add(new Finding(line, unmappable(declaration)));
                    } else if (mapping.get().lacksStaticMember(table)) {
                        findings.add(new Finding(line, declaration.name() + " has no Millrace equivalent ("
                                + mapping.get().typeCanonicalName() + " has no public static " + mapping.get().member() + ")"));
                    } else {
                        text.append(source, copied, declaration.nameStart()).append(mapping.get().target());
                        copied = declaration.nameEnd();
                        rewritten++;
                    }
                }
                i = declaration.endToken();
            } else if (startsFlinkName(tokens, i)) {
                int end = qualifiedNameEnd(tokens, i);
                findings.add(new Finding(lines.lineOf(token.start()), writtenOutInFull(tokens, i, end)));
                i = end;
            } else {
                i++;
            }
        }
        text.append(source, copied, source.length());
        return new Result(text.toString(), rewritten, List.copyOf(findings));
    }

    /**
     * A mapped import: the Millrace type it names (by its name in the package and its canonical
     * name), the static member it imports or {@code null}, and the whole new name.
     */
    record Mapping(String typeName, String typeCanonicalName, String member, String target) {
        boolean lacksStaticMember(ApiTypeTable table) {
            return member != null && !table.hasStaticMember(typeName, member);
        }
    }

    /** The Millrace name for the imported Flink name, if every type in it has one. */
    Optional<Mapping> map(ImportDeclaration declaration) {
        String[] segments = declaration.name().substring(FLINK_PREFIX.length()).split("\\.");
        int firstType = 0;
        while (firstType < segments.length && !Character.isUpperCase(segments[firstType].charAt(0))) {
            firstType++;
        }
        // a static import's last segment is the member (a nested type imported statically is one too)
        int typeEnd = declaration.isStatic() && !declaration.isWildcard() ? segments.length - 1 : segments.length;
        if (firstType >= typeEnd) {
            return Optional.empty();
        }
        String typeName = String.join(".", Arrays.asList(segments).subList(firstType, typeEnd));
        String member = typeEnd < segments.length ? segments[typeEnd] : null;
        String suffix = (member != null ? "." + member : "") + (declaration.isWildcard() ? ".*" : "");
        return table.canonicalName(typeName).map(canonical -> new Mapping(typeName, canonical, member, canonical + suffix));
    }

    private static String unmappable(ImportDeclaration declaration) {
        String written = declaration.name() + (declaration.isWildcard() ? ".*" : "");
        String message = written + " has no Millrace equivalent";
        if (declaration.isWildcard() && !declaration.isStatic() && !lastSegmentIsCapitalized(declaration.name())) {
            message += " (a package wildcard cannot be mapped: import the types it is used for one by one)";
        }
        return message;
    }

    private static boolean lastSegmentIsCapitalized(String name) {
        return Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1));
    }

    /** For a Flink name in code: its part up to the first capitalized segment, the top-level type. */
    private String writtenOutInFull(List<Token> tokens, int from, int end) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < end; i += 2) {
            name.append(i == from ? "" : ".").append(tokens.get(i).text());
            if (Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                break;
            }
        }
        String typeName = name.substring(name.lastIndexOf(".") + 1);
        Optional<String> millrace = Character.isUpperCase(typeName.charAt(0)) ? table.canonicalName(typeName) : Optional.empty();
        return millrace.map(canonical -> name + " is written out in full outside the imports and was left as it is:"
                        + " write " + canonical + " instead")
                .orElse(name + " has no Millrace equivalent (written out in full outside the imports)");
    }

    private static boolean startsFlinkName(List<Token> tokens, int i) {
        return i + 4 < tokens.size()
                && tokens.get(i).is("org") && tokens.get(i + 1).is(".")
                && tokens.get(i + 2).is("apache") && tokens.get(i + 3).is(".")
                && tokens.get(i + 4).is("flink")
                && (i == 0 || !tokens.get(i - 1).is("."));
    }

    /** The index after the last identifier of {@code a.b.c} starting at {@code from}. */
    private static int qualifiedNameEnd(List<Token> tokens, int from) {
        int end = from + 1;
        while (end + 1 < tokens.size() && tokens.get(end).is(".") && tokens.get(end + 1).kind() == Kind.IDENTIFIER) {
            end += 2;
        }
        return end;
    }

    private static int indexOfSemicolon(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && !tokens.get(i).is(";")) {
            i++;
        }
        return i + 1;
    }

    /**
     * {@code import [static] a.b.C[.*];}: the name without the wildcard, and the characters the
     * rewrite replaces (from the name's first character to its last, the wildcard included).
     */
    record ImportDeclaration(String name, boolean isStatic, boolean isWildcard, int nameStart, int nameEnd, int endToken) {

        /** The declaration starting at {@code tokens[at]}, or {@code null} when it is not well formed. */
        static ImportDeclaration parse(List<Token> tokens, int at) {
            int i = at + 1;
            boolean isStatic = i < tokens.size() && tokens.get(i).is("static");
            if (isStatic) {
                i++;
            }
            if (i >= tokens.size() || tokens.get(i).kind() != Kind.IDENTIFIER) {
                return null;
            }
            int nameStart = tokens.get(i).start();
            int end = qualifiedNameEnd(tokens, i);
            StringBuilder name = new StringBuilder();
            for (int t = i; t < end; t += 2) {
                name.append(t == i ? "" : ".").append(tokens.get(t).text());
            }
            int nameEnd = tokens.get(end - 1).end();
            boolean isWildcard = end + 1 < tokens.size() && tokens.get(end).is(".") && tokens.get(end + 1).is("*");
            if (isWildcard) {
                nameEnd = tokens.get(end + 1).end();
                end += 2;
            }
            if (end >= tokens.size() || !tokens.get(end).is(";")) {
                return null;
            }
            return new ImportDeclaration(name.toString(), isStatic, isWildcard, nameStart, nameEnd, end + 1);
        }
    }

    /** Line numbers of offsets; a line ends with LF, CR LF or a lone CR. */
    static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** 1-based. */
        int lineOf(int offset) {
            int found = Arrays.binarySearch(lineStarts, offset);
            return found >= 0 ? found + 1 : -found - 1;
        }
    }
}
