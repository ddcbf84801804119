package org.millrace.api.typeinfo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Map;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.LocalDateSerializer;
import org.millrace.types.serializers.LocalDateTimeSerializer;
import org.millrace.types.serializers.LocalTimeSerializer;

/**
 * Type information for the {@code java.time} local types {@link LocalDate}, {@link LocalTime} and
 * {@link LocalDateTime}. One constant per type; immutable, any thread.
 */
public final class LocalTimeTypeInfo<T extends Temporal> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final LocalTimeTypeInfo<LocalDate> LOCAL_DATE = new LocalTimeTypeInfo<>(LocalDate.class);
    public static final LocalTimeTypeInfo<LocalTime> LOCAL_TIME = new LocalTimeTypeInfo<>(LocalTime.class);
    public static final LocalTimeTypeInfo<LocalDateTime> LOCAL_DATE_TIME = new LocalTimeTypeInfo<>(LocalDateTime.class);

    private static final Map<Class<?>, LocalTimeTypeInfo<?>> BY_CLASS = Map.of(
            LocalDate.class, LOCAL_DATE, LocalTime.class, LOCAL_TIME, LocalDateTime.class, LOCAL_DATE_TIME);

    private final Class<T> clazz;

    private LocalTimeTypeInfo(Class<T> clazz) {
        this.clazz = clazz;
    }

    /** The type information for a local date/time class, or {@code null} if it is not one. */
    @SuppressWarnings("unchecked")
    public static <X extends Temporal> LocalTimeTypeInfo<X> getInfoFor(Class<X> type) {
        return (LocalTimeTypeInfo<X>) BY_CLASS.get(type);
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
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer() {
        if (clazz == LocalDate.class) {
            return (TypeSerializer<T>) LocalDateSerializer.INSTANCE;
        } else if (clazz == LocalTime.class) {
            return (TypeSerializer<T>) LocalTimeSerializer.INSTANCE;
        }
        return (TypeSerializer<T>) LocalDateTimeSerializer.INSTANCE;
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
        return obj instanceof LocalTimeTypeInfo && ((LocalTimeTypeInfo<?>) obj).clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.hashCode();
    }
}
