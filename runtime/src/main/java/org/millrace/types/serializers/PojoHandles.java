package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Builds the method handles through which {@link PojoSerializer} writes, reads and copies the
 * fields of one POJO class: one composed handle per group of fields, so that a whole group runs
 * as one call. Once a handle has been invoked often, the JVM specializes it with its field
 * accessors and field serializers as constants and inlines them, which makes field access as
 * cheap as in hand-written code (separate accessor objects per field measured about twice as
 * slow).
 *
 * <p>Format, per field: a primitive field is its value ({@link DataOutputView#writeLong} etc.); a
 * reference field a marker byte (0 = null, 1 = present) and the value through the field's
 * serializer. Fields are reached directly (private fields too, via
 * {@link MethodHandles#privateLookupIn}); if the class's package is not open to Millrace (a named
 * module), through the public getter and setter.
 *
 * <p>Built once per serializer instance; the handles are immutable, but they embed the field
 * serializers, so they belong to the serializer's thread like the serializers do.
 */
final class PojoHandles {

    /** Fields per composed handle; keeps the inlining depth of one handle within the JIT's limit. */
    private static final int GROUP_SIZE = 8;

    static final MethodType WRITE = MethodType.methodType(void.class, Object.class, DataOutputView.class);
    static final MethodType READ = MethodType.methodType(void.class, Object.class, DataInputView.class);
    static final MethodType COPY = MethodType.methodType(void.class, Object.class, Object.class);
    static final MethodType READ_VALUE = MethodType.methodType(Object.class, DataInputView.class);
    static final MethodType COPY_VALUE = MethodType.methodType(Object.class, Object.class);

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle WRITE_NULLABLE;
    private static final MethodHandle READ_NULLABLE;
    private static final MethodHandle READ_NULLABLE_REUSING;
    private static final MethodHandle COPY_NULLABLE;

    /** Per primitive type: the DataOutput write method, its parameter type, and the DataInput read method. */
    private static final Map<Class<?>, Object[]> PRIMITIVE_IO = Map.of(
            boolean.class, new Object[] {"writeBoolean", boolean.class, "readBoolean"},
            byte.class, new Object[] {"writeByte", int.class, "readByte"},
            short.class, new Object[] {"writeShort", int.class, "readShort"},
            char.class, new Object[] {"writeChar", int.class, "readChar"},
            int.class, new Object[] {"writeInt", int.class, "readInt"},
            long.class, new Object[] {"writeLong", long.class, "readLong"},
            float.class, new Object[] {"writeFloat", float.class, "readFloat"},
            double.class, new Object[] {"writeDouble", double.class, "readDouble"});

    static {
        try {
            WRITE_NULLABLE = LOOKUP.findStatic(PojoHandles.class, "writeNullable",
                    MethodType.methodType(void.class, TypeSerializer.class, Object.class, DataOutputView.class));
            READ_NULLABLE = LOOKUP.findStatic(PojoHandles.class, "readNullable",
                    MethodType.methodType(Object.class, TypeSerializer.class, DataInputView.class));
            READ_NULLABLE_REUSING = LOOKUP.findStatic(PojoHandles.class, "readNullableReusing",
                    MethodType.methodType(Object.class, TypeSerializer.class, Object.class, DataInputView.class));
            COPY_NULLABLE = LOOKUP.findStatic(PojoHandles.class, "copyNullable",
                    MethodType.methodType(Object.class, TypeSerializer.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Writes all fields, one handle per group: {@code (Object pojo, DataOutputView out)void}. */
    final MethodHandle[] writers;
    /** Reads all fields into a fresh instance: {@code (Object pojo, DataInputView in)void}. */
    final MethodHandle[] readers;
    /** Reads all fields, letting mutable field values be reused: {@code (Object pojo, DataInputView in)void}. */
    final MethodHandle[] reusingReaders;
    /** Deep-copies all fields: {@code (Object from, Object to)void}. */
    final MethodHandle[] copiers;
    /** Per field, reads its value (boxed): {@code (DataInputView in)Object}; for records. */
    final MethodHandle[] valueReaders;
    /** Per field, a deep copy of its value (boxed): {@code (Object from)Object}; for records. */
    final MethodHandle[] valueCopiers;

    PojoHandles(Field[] fields, TypeSerializer<?>[] serializers, boolean record) {
        List<MethodHandle> write = new ArrayList<>();
        List<MethodHandle> read = new ArrayList<>();
        List<MethodHandle> reusingRead = new ArrayList<>();
        List<MethodHandle> copy = new ArrayList<>();
        valueReaders = new MethodHandle[fields.length];
        valueCopiers = new MethodHandle[fields.length];
        try {
            for (int i = 0; i < fields.length; i++) {
                FieldHandles f = new FieldHandles(fields[i], serializers[i], record);
                write.add(f.write());
                valueReaders[i] = f.readValue().asType(READ_VALUE);
                valueCopiers[i] = MethodHandles.filterReturnValue(f.getter, f.copyValue()).asType(COPY_VALUE);
                if (!record) {
                    read.add(f.read());
                    reusingRead.add(f.reusingRead());
                    copy.add(f.copy());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot access the fields of " + fields[0].getDeclaringClass().getName(), e);
        }
        writers = groups(write, WRITE);
        readers = groups(read, READ);
        reusingReaders = groups(reusingRead, READ);
        copiers = groups(copy, COPY);
    }

    /** Chains the handles (same type, void result) into groups of {@link #GROUP_SIZE}, each one handle. */
    private static MethodHandle[] groups(List<MethodHandle> handles, MethodType type) {
        List<MethodHandle> groups = new ArrayList<>();
        for (int start = 0; start < handles.size(); start += GROUP_SIZE) {
            List<MethodHandle> group = handles.subList(start, Math.min(handles.size(), start + GROUP_SIZE));
            MethodHandle chain = MethodHandles.empty(type);
            for (int i = group.size() - 1; i >= 0; i--) {
                chain = MethodHandles.foldArguments(chain, group.get(i)); // runs group[i], then the rest
            }
            groups.add(chain);
        }
        return groups.toArray(new MethodHandle[0]);
    }

    /** The handles of one field, typed with the field's own type {@code F}. */
    private static final class FieldHandles {
        private final Field field;
        private final Class<?> type;
        private final TypeSerializer<?> serializer;
        /** {@code (Object pojo)F} */
        final MethodHandle getter;
        /** {@code (Object pojo, F value)void}; {@code null} for records. */
        private final MethodHandle setter;

        FieldHandles(Field field, TypeSerializer<?> serializer, boolean record) throws ReflectiveOperationException {
            this.field = field;
            this.type = field.getType();
            this.serializer = serializer;
            MethodHandles.Lookup lookup = lookupFor(field);
            MethodHandle get;
            MethodHandle set = null;
            if (lookup != null) {
                get = lookup.unreflectGetter(field);
                if (!record) {
                    set = lookup.unreflectSetter(field);
                }
            } else {
                get = MethodHandles.publicLookup().unreflect(publicGetter(field));
                if (!record) {
                    set = MethodHandles.publicLookup().unreflect(publicSetter(field));
                }
            }
            this.getter = get.asType(MethodType.methodType(type, Object.class));
            this.setter = set == null ? null : set.asType(MethodType.methodType(void.class, Object.class, type));
        }

        /** {@code (Object pojo, DataOutputView out)void} */
        MethodHandle write() throws ReflectiveOperationException {
            if (type.isPrimitive()) {
                Object[] io = PRIMITIVE_IO.get(type);
                MethodHandle write = LOOKUP.findVirtual(DataOutputView.class, (String) io[0],
                        MethodType.methodType(void.class, (Class<?>) io[1]));
                MethodHandle get = getter.asType(MethodType.methodType((Class<?>) io[1], Object.class));
                return MethodHandles.permuteArguments(MethodHandles.filterArguments(write, 1, get), WRITE, 1, 0);
            }
            MethodHandle write = WRITE_NULLABLE.bindTo(serializer); // (Object value, DataOutputView)void
            return MethodHandles.filterArguments(write, 0, getter.asType(MethodType.methodType(Object.class, Object.class)));
        }

        /** {@code (DataInputView in)F} */
        MethodHandle readValue() throws ReflectiveOperationException {
            if (type.isPrimitive()) {
                return LOOKUP.findVirtual(DataInputView.class, (String) PRIMITIVE_IO.get(type)[2], MethodType.methodType(type));
            }
            return READ_NULLABLE.bindTo(serializer).asType(MethodType.methodType(type, DataInputView.class));
        }

        /** {@code (Object pojo, DataInputView in)void} */
        MethodHandle read() throws ReflectiveOperationException {
            return MethodHandles.filterArguments(setter, 1, readValue());
        }

        /** Like {@link #read()}, but a mutable old value is handed to the field serializer for reuse. */
        MethodHandle reusingRead() throws ReflectiveOperationException {
            if (type.isPrimitive() || serializer.isImmutableType()) {
                return read();
            }
            // setter(pojo, readNullableReusing(serializer, getter(pojo), in))
            MethodHandle readReusing = READ_NULLABLE_REUSING.bindTo(serializer)
                    .asType(MethodType.methodType(type, type, DataInputView.class)); // (F old, DataInputView)F
            MethodHandle fromPojo = MethodHandles.filterArguments(readReusing, 0, getter); // (Object pojo, DataInputView)F
            MethodHandle set = MethodHandles.collectArguments(setter, 1, fromPojo); // (Object, Object, DataInputView)void
            return MethodHandles.permuteArguments(set, READ, 0, 0, 1);
        }

        /** {@code (F value)F}: the value itself for primitives and immutable types, else a deep copy. */
        MethodHandle copyValue() {
            if (type.isPrimitive() || serializer.isImmutableType()) {
                return MethodHandles.identity(type);
            }
            return COPY_NULLABLE.bindTo(serializer).asType(MethodType.methodType(type, type));
        }

        /** {@code (Object from, Object to)void} */
        MethodHandle copy() {
            MethodHandle copied = MethodHandles.filterReturnValue(getter, copyValue()); // (Object from)F
            MethodHandle set = MethodHandles.filterArguments(setter, 1, copied); // (Object to, Object from)void
            return MethodHandles.permuteArguments(set, COPY, 1, 0);
        }

        private static MethodHandles.Lookup lookupFor(Field field) {
            try {
                return MethodHandles.privateLookupIn(field.getDeclaringClass(), LOOKUP);
            } catch (IllegalAccessException notOpen) {
                return Modifier.isPublic(field.getModifiers()) ? MethodHandles.publicLookup() : null;
            }
        }

        private static Method publicGetter(Field field) throws NoSuchMethodException {
            String suffix = capitalize(field.getName());
            for (String name : new String[] {"get" + suffix, "is" + suffix, field.getName()}) {
                try {
                    Method method = field.getDeclaringClass().getMethod(name);
                    if (method.getReturnType() == field.getType()) {
                        return method;
                    }
                } catch (NoSuchMethodException e) {
                    // try the next naming convention
                }
            }
            throw new NoSuchMethodException("Field " + field + " is neither accessible nor has a public getter");
        }

        private static Method publicSetter(Field field) throws NoSuchMethodException {
            return field.getDeclaringClass().getMethod("set" + capitalize(field.getName()), field.getType());
        }

        private static String capitalize(String name) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        @Override
        public String toString() {
            return field.toString();
        }
    }

    // Targets of the composed handles. Bound to one serializer each, so the JIT sees it as a constant.

    @SuppressWarnings("unchecked")
    private static void writeNullable(TypeSerializer<?> serializer, Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            ((TypeSerializer<Object>) serializer).serialize(value, out);
        }
    }

    private static Object readNullable(TypeSerializer<?> serializer, DataInputView in) throws IOException {
        return in.readByte() == 0 ? null : serializer.deserialize(in);
    }

    @SuppressWarnings("unchecked")
    private static Object readNullableReusing(TypeSerializer<?> serializer, Object old, DataInputView in) throws IOException {
        return in.readByte() == 0 ? null : ((TypeSerializer<Object>) serializer).deserialize(old, in);
    }

    @SuppressWarnings("unchecked")
    private static Object copyNullable(TypeSerializer<?> serializer, Object value) {
        return value == null ? null : ((TypeSerializer<Object>) serializer).copy(value);
    }
}
