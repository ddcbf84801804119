package org.millrace.api.tuple;

import java.util.Objects;

/**
 * A tuple with 1 field (f0). Mutable and not thread-safe. Null fields are allowed in the
 * object, but the tuple serializer rejects a null field unless that field's serializer writes
 * nulls (as the {@code String} serializer does).
 */
public class Tuple1<T0> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** A tuple with all fields {@code null}. */
    public Tuple1() {}

    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    /** A new tuple holding the given values. */
    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    /** Sets all fields. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                this.f0 = (T0) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple1<T0> copy() {
        return new Tuple1<>(this.f0);
    }

    /** {@code (f0,f1,...)}, with array fields printed by content. */
    @Override
    public String toString() {
        return "(" + fieldToString(this.f0) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> that = (Tuple1<?>) o;
        return Objects.equals(f0, that.f0);
    }

    @Override
    public int hashCode() {
        int result = f0 != null ? f0.hashCode() : 0;
        return result;
    }
}
