package org.millrace.api.typeinfo;

import java.lang.reflect.Method;

/** Checks shared by the type information classes. Stateless. */
final class TypeInfoUtils {

    private TypeInfoUtils() {}

    /**
     * True if instances of {@code type} hash by value: it declares (or inherits from a class other
     * than Object) both {@code hashCode} and {@code equals}. Identity hashes differ between JVMs,
     * so such values cannot choose a key group.
     */
    static boolean hashesByValue(Class<?> type) {
        if (type.isArray() || type.isEnum() || type.isInterface()) {
            return false;
        }
        try {
            Method hashCode = type.getMethod("hashCode");
            Method equals = type.getMethod("equals", Object.class);
            return hashCode.getDeclaringClass() != Object.class && equals.getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
