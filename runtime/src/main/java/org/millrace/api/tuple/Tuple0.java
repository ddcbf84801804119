package org.millrace.api.tuple;

/**
 * A tuple with no fields. Stateless: {@link #INSTANCE} can be shared by any thread.
 */
public class Tuple0 extends Tuple {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final Tuple0 INSTANCE = new Tuple0();

    public Tuple0() {}

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public <T> T getField(int pos) {
        throw new IndexOutOfBoundsException(String.valueOf(pos));
    }

    @Override
    public <T> void setField(T value, int pos) {
        throw new IndexOutOfBoundsException(String.valueOf(pos));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple0 copy() {
        return new Tuple0();
    }

    @Override
    public String toString() {
        return "()";
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
