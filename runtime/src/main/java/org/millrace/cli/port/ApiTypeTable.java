package org.millrace.cli.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The public types of Millrace's API by their name inside their package ({@code DataStream},
 * {@code KeyedProcessFunction.Context}), with the Millrace version they come from. Read from
 * {@value #RESOURCE}, which {@link ApiTypeTableGenerator} writes during the build; immutable, so
 * any thread may use it.
 */
public final class ApiTypeTable {

    public static final String RESOURCE = "META-INF/millrace/api-types.properties";

    /** Not a Java name, so it cannot clash with a type's. */
    static final String VERSION_KEY = "@version";

    private final Map<String, String> canonicalNames;
    private final String version;

    public ApiTypeTable(Map<String, String> canonicalNames, String version) {
        this.canonicalNames = Map.copyOf(canonicalNames);
        this.version = version;
    }

    /** The table built into the runtime jar. */
    public static ApiTypeTable load() {
        try (InputStream in = ApiTypeTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: the runtime jar was not"
                        + " built by Maven (its process-classes phase generates it)");
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> names = new TreeMap<>();
            properties.stringPropertyNames().forEach(name -> names.put(name, properties.getProperty(name)));
            String version = names.remove(VERSION_KEY);
            return new ApiTypeTable(names, version == null ? "unknown" : version);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The canonical name of the Millrace type called {@code nameInPackage}, if there is one. */
    public Optional<String> canonicalName(String nameInPackage) {
        return Optional.ofNullable(canonicalNames.get(nameInPackage));
    }

    /**
     * Whether the Millrace type called {@code nameInPackage} has a public static field, method or
     * member type called {@code member}, i.e. whether {@code import static Type.member;} compiles.
     * A type this class loader cannot load (a table made up for a test) is not checked: true.
     */
    public boolean hasStaticMember(String nameInPackage, String member) {
        String canonicalName = canonicalNames.get(nameInPackage);
        if (canonicalName == null) {
            return false;
        }
        String packagePrefix = canonicalName.substring(0, canonicalName.length() - nameInPackage.length());
        Class<?> type;
        try {
            type = Class.forName(packagePrefix + nameInPackage.replace('.', '$'), false, ApiTypeTable.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
        return Stream.of(type.getFields()).anyMatch(f -> f.getName().equals(member) && Modifier.isStatic(f.getModifiers()))
                || Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(member) && Modifier.isStatic(m.getModifiers()))
                || Stream.of(type.getClasses()).anyMatch(c -> c.getSimpleName().equals(member));
    }

    /** The Millrace version the table was generated from, e.g. {@code 0.1.0-SNAPSHOT}. */
    public String version() {
        return version;
    }

    public int size() {
        return canonicalNames.size();
    }
}
