package org.millrace.api.typeinfo;

import java.util.Map;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.BooleanPrimitiveArraySerializer;
import org.millrace.types.serializers.BytePrimitiveArraySerializer;
import org.millrace.types.serializers.CharPrimitiveArraySerializer;
import org.millrace.types.serializers.DoublePrimitiveArraySerializer;
import org.millrace.types.serializers.FloatPrimitiveArraySerializer;
import org.millrace.types.serializers.IntPrimitiveArraySerializer;
import org.millrace.types.serializers.LongPrimitiveArraySerializer;
import org.millrace.types.serializers.ShortPrimitiveArraySerializer;

/**
 * Type information for arrays of primitives ({@code byte[]}, {@code int[]}, ...). Arrays hash by
 * identity, so they are not key types. One constant per type; immutable, any thread.
 */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(boolean[].class, BasicTypeInfo.BOOLEAN_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(byte[].class, BasicTypeInfo.BYTE_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(short[].class, BasicTypeInfo.SHORT_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(int[].class, BasicTypeInfo.INT_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(long[].class, BasicTypeInfo.LONG_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(float[].class, BasicTypeInfo.FLOAT_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(double[].class, BasicTypeInfo.DOUBLE_TYPE_INFO);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(char[].class, BasicTypeInfo.CHAR_TYPE_INFO);

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = Map.of(
            boolean[].class, BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO,
            byte[].class, BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            short[].class, SHORT_PRIMITIVE_ARRAY_TYPE_INFO,
            int[].class, INT_PRIMITIVE_ARRAY_TYPE_INFO,
            long[].class, LONG_PRIMITIVE_ARRAY_TYPE_INFO,
            float[].class, FLOAT_PRIMITIVE_ARRAY_TYPE_INFO,
            double[].class, DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO,
            char[].class, CHAR_PRIMITIVE_ARRAY_TYPE_INFO);

    private final Class<T> arrayClass;
    private final BasicTypeInfo<?> componentInfo;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, BasicTypeInfo<?> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
    }

    /** The type information for a primitive array class, or {@code null} if it is not one. */
    @SuppressWarnings("unchecked")
    public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> type) {
        return (PrimitiveArrayTypeInfo<X>) BY_CLASS.get(type);
    }

    /** The (boxed) type information of the elements. */
    public TypeInformation<?> getComponentType() {
        return componentInfo;
    }

    /** The primitive element class, e.g. {@code int.class}. */
    public Class<?> getComponentClass() {
        return arrayClass.getComponentType();
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayClass;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer() {
        Class<?> component = arrayClass.getComponentType();
        TypeSerializer<?> serializer;
        if (component == byte.class) {
            serializer = BytePrimitiveArraySerializer.INSTANCE;
        } else if (component == int.class) {
            serializer = IntPrimitiveArraySerializer.INSTANCE;
        } else if (component == long.class) {
            serializer = LongPrimitiveArraySerializer.INSTANCE;
        } else if (component == double.class) {
            serializer = DoublePrimitiveArraySerializer.INSTANCE;
        } else if (component == float.class) {
            serializer = FloatPrimitiveArraySerializer.INSTANCE;
        } else if (component == char.class) {
            serializer = CharPrimitiveArraySerializer.INSTANCE;
        } else if (component == short.class) {
            serializer = ShortPrimitiveArraySerializer.INSTANCE;
        } else {
            serializer = BooleanPrimitiveArraySerializer.INSTANCE;
        }
        return (TypeSerializer<T>) serializer;
    }

    private Object readResolve() {
        return BY_CLASS.get(arrayClass);
    }

    @Override
    public String toString() {
        return arrayClass.getComponentType().getName() + "[]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PrimitiveArrayTypeInfo && ((PrimitiveArrayTypeInfo<?>) obj).arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.hashCode();
    }
}
