package org.millrace.types.serializers;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro's {@link ClassSecurityValidator} (Avro 1.12+) to trust the classes that the job's own
 * types name. Avro refuses to load classes by name from a schema unless they are trusted, to stop
 * untrusted data from instantiating arbitrary classes. Millrace's schemas never come from the
 * data: they are derived from the job's declared types when the serializer is created, so the
 * classes they name are the job's classes and safe to load.
 *
 * <p>Adds one predicate to Avro's global validator (once, keeping the previous one, e.g. the
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property) backed by a concurrent set of class
 * names. Thread-safe.
 */
final class AvroClassTrust {

    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();

    /** Guarded by the class lock. */
    private static boolean installed;

    private AvroClassTrust() {}

    /** Trusts every class {@code schema} names (record, enum and fixed names, and java-class properties). */
    static void trustClassesOf(Schema schema) {
        TRUSTED.addAll(classNamesIn(schema));
        install();
    }

    private static synchronized void install() {
        if (!installed) {
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            // schemas name nested classes by their canonical name (Outer.Inner), Avro checks Class objects
            ClassSecurityPredicate ours = clazz -> TRUSTED.contains(clazz.getName())
                    || (clazz.getCanonicalName() != null && TRUSTED.contains(clazz.getCanonicalName()));
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
            installed = true;
        }
    }

    /** The Java class names a schema refers to. */
    static Set<String> classNamesIn(Schema schema) {
        Set<String> names = new LinkedHashSet<>();
        collect(schema, names, Collections.newSetFromMap(new IdentityHashMap<>()));
        return names;
    }

    private static void collect(Schema schema, Set<String> names, Set<Schema> visited) {
        if (!visited.add(schema)) {
            return;
        }
        for (String property : new String[] {"java-class", "java-key-class", "java-element-class"}) {
            String className = schema.getProp(property);
            if (className != null) {
                names.add(className);
            }
        }
        switch (schema.getType()) {
            case RECORD:
                names.add(SpecificData.getClassName(schema));
                for (Schema.Field field : schema.getFields()) {
                    String fieldClass = field.getProp("java-class");
                    if (fieldClass != null) {
                        names.add(fieldClass);
                    }
                    collect(field.schema(), names, visited);
                }
                break;
            case ENUM:
            case FIXED:
                names.add(SpecificData.getClassName(schema));
                break;
            case ARRAY:
                collect(schema.getElementType(), names, visited);
                break;
            case MAP:
                collect(schema.getValueType(), names, visited);
                break;
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    collect(branch, names, visited);
                }
                break;
            default:
                break;
        }
    }
}
