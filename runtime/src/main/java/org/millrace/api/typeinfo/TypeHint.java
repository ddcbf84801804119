package org.millrace.api.typeinfo;

/**
 * Captures a generic type that Java would otherwise erase, through an anonymous subclass:
 * {@code new TypeHint<Tuple2<String, Long>>(){}.getTypeInfo()}. Used where a type must be declared,
 * e.g. {@code .returns(new TypeHint<Tuple2<String, Long>>(){})}. The type is analysed when the hint
 * is created, in the creating thread; the hint is immutable afterwards.
 *
 * @throws InvalidTypesException (from the constructor) if the type is not fully specified, e.g.
 *     it contains a type variable
 */
public abstract class TypeHint<T> {

    private final TypeInformation<T> typeInfo;

    public TypeHint() {
        this.typeInfo = TypeInfoResolver.forTypeHint(getClass());
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TypeHint && typeInfo.equals(((TypeHint<?>) obj).typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
