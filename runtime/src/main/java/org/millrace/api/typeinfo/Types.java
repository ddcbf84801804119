package org.millrace.api.typeinfo;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.millrace.api.tuple.Tuple;
import org.millrace.types.TypeExtractor;

/**
 * Type information for declaring types explicitly, e.g.
 * {@code .returns(Types.TUPLE(Types.STRING, Types.LONG))}. Stateless; any thread.
 */
public final class Types {

    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    public static final TypeInformation<LocalDate> LOCAL_DATE = LocalTimeTypeInfo.LOCAL_DATE;
    public static final TypeInformation<LocalTime> LOCAL_TIME = LocalTimeTypeInfo.LOCAL_TIME;
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = LocalTimeTypeInfo.LOCAL_DATE_TIME;

    private Types() {}

    /** A {@code Tuple0}..{@code Tuple5} whose fields have the given types, in order. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /**
     * A subclass of a tuple class that fixes all type parameters, e.g.
     * {@code class WordCount extends Tuple2<String, Long>}.
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.getForClass(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple type");
        }
        return info;
    }

    /**
     * A POJO class with all its fields analysed.
     *
     * @throws InvalidTypesException naming the POJO rule the class breaks
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return TypeExtractor.getForPojo(pojoClass);
    }

    /**
     * A POJO class with explicitly typed fields; only the named fields are serialized. The class
     * needs a public no-argument constructor.
     *
     * @throws InvalidTypesException if a named field does not exist
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        List<PojoField> pojoFields = new ArrayList<>(fields.size());
        for (Map.Entry<String, TypeInformation<?>> entry : fields.entrySet()) {
            pojoFields.add(new PojoField(findField(pojoClass, entry.getKey()), entry.getValue()));
        }
        return new PojoTypeInfo<>(pojoClass, pojoFields);
    }

    private static Field findField(Class<?> clazz, String name) {
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new InvalidTypesException("POJO " + clazz.getName() + " has no field '" + name + "'");
    }

    /** Arrays of a primitive type, given as its basic type: {@code PRIMITIVE_ARRAY(Types.INT)} is {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        if (elementType.isBasicType()) {
            Class<?> primitive = primitiveOf(elementType.getTypeClass());
            if (primitive != null) {
                return PrimitiveArrayTypeInfo.getInfoFor(Array.newInstance(primitive, 0).getClass());
            }
        }
        throw new InvalidTypesException(elementType + " is not a primitive type; use OBJECT_ARRAY");
    }

    private static Class<?> primitiveOf(Class<?> boxed) {
        for (Class<?> primitive : new Class<?>[] {boolean.class, byte.class, short.class, char.class, int.class,
                long.class, float.class, double.class}) {
            if (BasicTypeInfo.getInfoFor(primitive).getTypeClass() == boxed) {
                return primitive;
            }
        }
        return null;
    }

    /** Arrays of objects of the given type (elements may be null). */
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    /** Lists of the given element type (read back as {@code ArrayList}). */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    /** Sets of the given element type (read back as {@code HashSet}). */
    public static <E> TypeInformation<Set<E>> SET(TypeInformation<E> elementType) {
        return new SetTypeInfo<>(elementType);
    }

    /** Maps with the given key and value types (read back as {@code HashMap}). */
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** An enum, serialized as its ordinal. */
    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return new EnumTypeInfo<>(enumType);
    }

    /** Any class, serialized with Avro reflect. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }
}
