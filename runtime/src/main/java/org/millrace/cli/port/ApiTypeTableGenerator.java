package org.millrace.cli.port;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@link ApiTypeTable#RESOURCE} while the runtime module is built: scans the compiled
 * classes of {@value #API_PACKAGE}, keeps every public top-level type and every public nested type
 * of a public type, and maps its name inside the package ({@code Name}, {@code Outer.Inner}) to its
 * canonical name. Fails, and with it the build, when two of those types share that name, since
 * {@code millrace port} could not tell them apart. Run by Maven's exec plugin at
 * {@code process-classes}, on Maven's thread and inside Maven's JVM, so it never calls
 * {@code System.exit}: failures are exceptions.
 */
public final class ApiTypeTableGenerator {

    static final String API_PACKAGE = "org.millrace.api";

    private ApiTypeTableGenerator() {}

    /** Arguments: the classes directory, the table file to write, the Millrace version. */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ApiTypeTableGenerator CLASSES_DIR OUTPUT_FILE VERSION");
        }
        Path classesDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        SortedMap<String, String> table = tableOf(loadClasses(classesDir, API_PACKAGE));
        Files.createDirectories(output.getParent());
        Files.writeString(output, render(table, args[2]), StandardCharsets.ISO_8859_1);
    }

    /**
     * The table of the given classes: public top-level types and public nested types (whose
     * enclosing types are public too) by their name inside their package. Anonymous, local and
     * synthetic classes and everything else is left out.
     *
     * @throws IllegalStateException naming every clash when two kept types have the same name
     */
    static SortedMap<String, String> tableOf(Collection<Class<?>> classes) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Class<?> type : classes) {
            if (isPublicApi(type)) {
                byName.computeIfAbsent(nameInPackage(type), k -> new ArrayList<>()).add(type.getCanonicalName());
            }
        }
        List<String> clashes = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + ": " + e.getValue().stream().sorted().collect(Collectors.joining(", ")))
                .toList();
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("Public API types of " + API_PACKAGE
                    + " must have unique simple names (Outer.Inner for nested types), so that 'millrace port'"
                    + " can map Flink imports unambiguously; rename one of each: " + String.join("; ", clashes));
        }
        SortedMap<String, String> table = new TreeMap<>();
        byName.forEach((name, canonicalNames) -> table.put(name, canonicalNames.get(0)));
        return table;
    }

    private static boolean isPublicApi(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** {@code Name} for a top-level type, {@code Outer.Inner} for a nested one. */
    static String nameInPackage(Class<?> type) {
        String packageName = type.getPackageName();
        return packageName.isEmpty() ? type.getCanonicalName() : type.getCanonicalName().substring(packageName.length() + 1);
    }

    /**
     * Loads, without initializing (no static initializer runs), every class compiled into
     * {@code classesDir} in {@code packageName} and the packages under it.
     */
    static List<Class<?>> loadClasses(Path classesDir, String packageName) throws IOException, ClassNotFoundException {
        Path root = classesDir.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No compiled classes of " + packageName + " in " + root);
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> binaryName(classesDir.relativize(f)))
                    .filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info"))
                    .sorted()
                    .toList();
        }
        ClassLoader loader = ApiTypeTableGenerator.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>(names.size());
        for (String name : names) {
            classes.add(Class.forName(name, false, loader));
        }
        return classes;
    }

    private static String binaryName(Path relativeClassFile) {
        String path = relativeClassFile.toString().replace(relativeClassFile.getFileSystem().getSeparator(), ".");
        return path.substring(0, path.length() - ".class".length());
    }

    /** Sorted {@code name=canonicalName} lines, so that the file is the same for the same classes. */
    static String render(SortedMap<String, String> table, String version) {
        StringBuilder text = new StringBuilder();
        text.append("# Generated by ").append(ApiTypeTableGenerator.class.getName())
                .append(" from the public types of ").append(API_PACKAGE).append("; do not edit.\n");
        text.append(ApiTypeTable.VERSION_KEY).append('=').append(version).append('\n');
        table.forEach((name, canonicalName) -> text.append(name).append('=').append(canonicalName).append('\n'));
        return text.toString();
    }
}
