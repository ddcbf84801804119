package org.millrace.api.typeinfo;

import org.millrace.types.TypeExtractor;

/**
 * Bridges {@link TypeInformation#of(Class)} and {@link TypeHint} to the reflective type analysis
 * in {@link TypeExtractor}, keeping the API classes free of its details. Stateless.
 */
final class TypeInfoResolver {

    private TypeInfoResolver() {}

    static <T> TypeInformation<T> forClass(Class<T> type) {
        return TypeExtractor.getForClass(type);
    }

    @SuppressWarnings("unchecked")
    static <T> TypeInformation<T> forTypeHint(Class<?> hintClass) {
        return (TypeInformation<T>) TypeExtractor.createTypeInfo(hintClass, TypeHint.class, 0);
    }
}
