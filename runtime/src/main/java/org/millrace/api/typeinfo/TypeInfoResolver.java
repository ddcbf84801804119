package org.millrace.api.typeinfo;

/** Bridges {@link TypeInformation#of(Class)} to the reflective type analysis (placeholder until types land). */
final class TypeInfoResolver {
    private TypeInfoResolver() {}

    static <T> TypeInformation<T> forClass(Class<T> type) {
        throw new UnsupportedOperationException("type analysis not implemented yet");
    }
}
