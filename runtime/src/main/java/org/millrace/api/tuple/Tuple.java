package org.millrace.api.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Base of the fixed-arity tuples {@link Tuple0} .. {@link Tuple5}: records with positional,
 * public fields {@code f0}, {@code f1}, ... The fields are mutable and the tuples are not
 * thread-safe: a tuple belongs to the thread that created or received it.
 *
 * <p>Tuples are the cheapest composite record type: their serializer accesses the fields
 * directly, and field positions ({@code keyBy(0)}, {@code sum(1)}) or names ({@code "f1"}) address
 * them.
 */
public abstract class Tuple implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest arity with a tuple class. */
    public static final int MAX_ARITY = 5;

    private static final Class<?>[] CLASSES = {
        Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class
    };

    /** The number of fields. */
    public abstract int getArity();

    /** The field at {@code pos} (0-based); throws {@link IndexOutOfBoundsException} for a bad position. */
    public abstract <T> T getField(int pos);

    /** Sets the field at {@code pos} (0-based); throws {@link IndexOutOfBoundsException} for a bad position. */
    public abstract <T> void setField(T value, int pos);

    /** A shallow copy: a new tuple of the same arity holding the same field references. */
    public abstract <T extends Tuple> T copy();

    /** The tuple class of the given arity. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Tuple arity must be between 0 and " + MAX_ARITY + ", was " + arity);
        }
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A new tuple of the given arity with all fields {@code null}. */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 0:
                return Tuple0.INSTANCE;
            case 1:
                return new Tuple1<>();
            case 2:
                return new Tuple2<>();
            case 3:
                return new Tuple3<>();
            case 4:
                return new Tuple4<>();
            case 5:
                return new Tuple5<>();
            default:
                throw new IllegalArgumentException("Tuple arity must be between 0 and " + MAX_ARITY + ", was " + arity);
        }
    }

    /** Like {@code String.valueOf}, but prints array contents instead of the array's identity. */
    static String fieldToString(Object o) {
        if (o == null) {
            return "null";
        }
        if (o.getClass().isArray()) {
            String s = Arrays.deepToString(new Object[] {o});
            return s.substring(1, s.length() - 1);
        }
        return o.toString();
    }
}
