package org.millrace.api.typeinfo;

/**
 * Captures a generic type for {@link TypeInformation#of(TypeHint)}: {@code new TypeHint<Tuple2<String, Long>>(){}}.
 * (Placeholder until the types work lands.)
 */
public abstract class TypeHint<T> {
    public TypeInformation<T> getTypeInfo() {
        throw new UnsupportedOperationException("type analysis not implemented yet");
    }
}
