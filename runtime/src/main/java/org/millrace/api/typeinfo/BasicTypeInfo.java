package org.millrace.api.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.BigDecimalSerializer;
import org.millrace.types.serializers.BigIntegerSerializer;
import org.millrace.types.serializers.BooleanSerializer;
import org.millrace.types.serializers.ByteSerializer;
import org.millrace.types.serializers.CharSerializer;
import org.millrace.types.serializers.DateSerializer;
import org.millrace.types.serializers.DoubleSerializer;
import org.millrace.types.serializers.FloatSerializer;
import org.millrace.types.serializers.InstantSerializer;
import org.millrace.types.serializers.IntSerializer;
import org.millrace.types.serializers.LongSerializer;
import org.millrace.types.serializers.ShortSerializer;
import org.millrace.types.serializers.StringSerializer;
import org.millrace.types.serializers.VoidSerializer;

/**
 * Type information for the basic types: the boxed primitives, {@link String}, {@link Void},
 * {@link BigInteger}, {@link BigDecimal}, {@link Instant} and {@link Date}. One constant per type; immutable and
 * usable from any thread.
 */
public final class BasicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = new BasicTypeInfo<>(Instant.class);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO = new BasicTypeInfo<>(Date.class);

    /** By boxed and primitive class. */
    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING_TYPE_INFO),
            Map.entry(Boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(Byte.class, BYTE_TYPE_INFO),
            Map.entry(byte.class, BYTE_TYPE_INFO),
            Map.entry(Short.class, SHORT_TYPE_INFO),
            Map.entry(short.class, SHORT_TYPE_INFO),
            Map.entry(Integer.class, INT_TYPE_INFO),
            Map.entry(int.class, INT_TYPE_INFO),
            Map.entry(Long.class, LONG_TYPE_INFO),
            Map.entry(long.class, LONG_TYPE_INFO),
            Map.entry(Float.class, FLOAT_TYPE_INFO),
            Map.entry(float.class, FLOAT_TYPE_INFO),
            Map.entry(Double.class, DOUBLE_TYPE_INFO),
            Map.entry(double.class, DOUBLE_TYPE_INFO),
            Map.entry(Character.class, CHAR_TYPE_INFO),
            Map.entry(char.class, CHAR_TYPE_INFO),
            Map.entry(Void.class, VOID_TYPE_INFO),
            Map.entry(void.class, VOID_TYPE_INFO),
            Map.entry(BigInteger.class, BIG_INT_TYPE_INFO),
            Map.entry(BigDecimal.class, BIG_DEC_TYPE_INFO),
            Map.entry(Instant.class, INSTANT_TYPE_INFO),
            Map.entry(Date.class, DATE_TYPE_INFO));

    private final Class<T> clazz;

    private BasicTypeInfo(Class<T> clazz) {
        this.clazz = clazz;
    }

    /** The basic type information for a boxed or primitive class, or {@code null} if it is not basic. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    @Override
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer() {
        return (TypeSerializer<T>) serializerFor(clazz);
    }

    private static TypeSerializer<?> serializerFor(Class<?> clazz) {
        if (clazz == String.class) {
            return new StringSerializer();
        } else if (clazz == Long.class) {
            return LongSerializer.INSTANCE;
        } else if (clazz == Integer.class) {
            return IntSerializer.INSTANCE;
        } else if (clazz == Double.class) {
            return DoubleSerializer.INSTANCE;
        } else if (clazz == Boolean.class) {
            return BooleanSerializer.INSTANCE;
        } else if (clazz == Float.class) {
            return FloatSerializer.INSTANCE;
        } else if (clazz == Short.class) {
            return ShortSerializer.INSTANCE;
        } else if (clazz == Byte.class) {
            return ByteSerializer.INSTANCE;
        } else if (clazz == Character.class) {
            return CharSerializer.INSTANCE;
        } else if (clazz == Void.class) {
            return VoidSerializer.INSTANCE;
        } else if (clazz == BigInteger.class) {
            return BigIntegerSerializer.INSTANCE;
        } else if (clazz == BigDecimal.class) {
            return BigDecimalSerializer.INSTANCE;
        } else if (clazz == Date.class) {
            return DateSerializer.INSTANCE;
        } else {
            return InstantSerializer.INSTANCE;
        }
    }

    private Object readResolve() {
        return BY_CLASS.get(clazz);
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BasicTypeInfo && ((BasicTypeInfo<?>) obj).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.hashCode();
    }
}
