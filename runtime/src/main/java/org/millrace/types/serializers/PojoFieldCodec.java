package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Reads, writes and copies one field of a POJO for {@link PojoSerializer}. Fields are reached
 * through a {@link VarHandle} on the field itself (private fields too, via
 * {@link MethodHandles#privateLookupIn}); when the field's package is not open to Millrace (a
 * named module), through its public getter and setter instead.
 *
 * <p>Primitive fields are written as their value, without boxing and without a null marker;
 * reference fields as a marker byte (0 = null, 1 = present) and the value. Same threading as the
 * owning serializer.
 */
abstract class PojoFieldCodec {

    final Field field;

    PojoFieldCodec(Field field) {
        this.field = field;
    }

    abstract void write(Object pojo, DataOutputView out) throws IOException;

    /** Reads the field into {@code pojo}; with {@code reuse}, a mutable old value may be filled in place. */
    abstract void read(Object pojo, DataInputView in, boolean reuse) throws IOException;

    /** Sets the field of {@code to} to a deep copy of the field of {@code from}. */
    abstract void copy(Object from, Object to);

    /** Reads the field's value without storing it (boxed), for records, which are built through their constructor. */
    abstract Object readValue(DataInputView in) throws IOException;

    /** A deep copy of the field's value in {@code from} (boxed), for records. */
    abstract Object copyValue(Object from);

    /** A codec safe to use from another thread (itself if stateless). */
    PojoFieldCodec duplicate() {
        return this;
    }

    @SuppressWarnings("unchecked")
    static PojoFieldCodec create(Field field, TypeSerializer<?> serializer) {
        VarHandle handle = varHandle(field);
        if (handle == null) {
            return new AccessorField(field, (TypeSerializer<Object>) serializer);
        }
        Class<?> type = field.getType();
        if (type == boolean.class) {
            return new BooleanField(field, handle);
        }
        if (type == byte.class) {
            return new ByteField(field, handle);
        }
        if (type == short.class) {
            return new ShortField(field, handle);
        }
        if (type == char.class) {
            return new CharField(field, handle);
        }
        if (type == int.class) {
            return new IntField(field, handle);
        }
        if (type == long.class) {
            return new LongField(field, handle);
        }
        if (type == float.class) {
            return new FloatField(field, handle);
        }
        if (type == double.class) {
            return new DoubleField(field, handle);
        }
        return new ReferenceField(field, handle, (TypeSerializer<Object>) serializer);
    }

    private static VarHandle varHandle(Field field) {
        try {
            return MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup())
                    .unreflectVarHandle(field);
        } catch (IllegalAccessException notOpen) {
            if (Modifier.isPublic(field.getModifiers())) {
                try {
                    return MethodHandles.publicLookup().unreflectVarHandle(field);
                } catch (IllegalAccessException notExported) {
                    return null;
                }
            }
            return null;
        }
    }

    /** A reference field: null marker, then the value through the field type's serializer. */
    private static final class ReferenceField extends PojoFieldCodec {
        private final VarHandle handle;
        private final TypeSerializer<Object> serializer;
        private final boolean mutable;

        ReferenceField(Field field, VarHandle handle, TypeSerializer<Object> serializer) {
            super(field);
            this.handle = handle;
            this.serializer = serializer;
            this.mutable = !serializer.isImmutableType();
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            Object value = handle.get(pojo);
            if (value == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                serializer.serialize(value, out);
            }
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            Object value;
            if (in.readByte() == 0) {
                value = null;
            } else if (reuse && mutable) {
                value = serializer.deserialize(handle.get(pojo), in);
            } else {
                value = serializer.deserialize(in);
            }
            handle.set(pojo, value);
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, copyValue(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readByte() == 0 ? null : serializer.deserialize(in);
        }

        @Override
        Object copyValue(Object from) {
            Object value = handle.get(from);
            return value == null || !mutable ? value : serializer.copy(value);
        }

        @Override
        PojoFieldCodec duplicate() {
            TypeSerializer<Object> duplicated = serializer.duplicate();
            return duplicated == serializer ? this : new ReferenceField(field, handle, duplicated);
        }
    }

    /**
     * A field reached through its public getter and setter (boxing primitives). The format is the
     * same as for direct access: no null marker for primitive fields.
     */
    private static final class AccessorField extends PojoFieldCodec {
        private final MethodHandle getter;
        private final MethodHandle setter;
        private final TypeSerializer<Object> serializer;
        private final boolean primitive;

        AccessorField(Field field, TypeSerializer<Object> serializer) {
            this(field, serializer, getter(field), setter(field));
        }

        private AccessorField(Field field, TypeSerializer<Object> serializer, MethodHandle getter, MethodHandle setter) {
            super(field);
            this.serializer = serializer;
            this.primitive = field.getType().isPrimitive();
            this.getter = getter;
            this.setter = setter;
        }

        private static MethodHandle getter(Field field) {
            String suffix = capitalize(field.getName());
            for (String name : new String[] {"get" + suffix, "is" + suffix, field.getName()}) {
                try {
                    Method method = field.getDeclaringClass().getMethod(name);
                    if (method.getReturnType() == field.getType()) {
                        return MethodHandles.publicLookup().unreflect(method)
                                .asType(MethodType.methodType(Object.class, Object.class));
                    }
                } catch (NoSuchMethodException | IllegalAccessException e) {
                    // try the next naming convention
                }
            }
            throw new IllegalStateException("Field " + field + " is neither accessible nor has a public getter");
        }

        /** The public setter, or {@code null} for records (built through their constructor instead). */
        private static MethodHandle setter(Field field) {
            if (field.getDeclaringClass().isRecord()) {
                return null;
            }
            try {
                Method method = field.getDeclaringClass().getMethod("set" + capitalize(field.getName()), field.getType());
                return MethodHandles.publicLookup().unreflect(method)
                        .asType(MethodType.methodType(void.class, Object.class, Object.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("Field " + field + " is neither accessible nor has a public setter", e);
            }
        }

        private static String capitalize(String name) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        private Object get(Object pojo) {
            try {
                return (Object) getter.invokeExact(pojo);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("getter of " + field + " failed", t);
            }
        }

        private void set(Object pojo, Object value) {
            try {
                setter.invokeExact(pojo, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("setter of " + field + " failed", t);
            }
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            Object value = get(pojo);
            if (primitive) {
                serializer.serialize(value, out);
            } else if (value == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                serializer.serialize(value, out);
            }
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            if (!primitive && in.readByte() == 0) {
                set(pojo, null);
            } else {
                set(pojo, serializer.deserialize(in));
            }
        }

        @Override
        void copy(Object from, Object to) {
            set(to, copyValue(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return !primitive && in.readByte() == 0 ? null : serializer.deserialize(in);
        }

        @Override
        Object copyValue(Object from) {
            Object value = get(from);
            return value == null ? null : serializer.copy(value);
        }

        @Override
        PojoFieldCodec duplicate() {
            TypeSerializer<Object> duplicated = serializer.duplicate();
            return duplicated == serializer ? this : new AccessorField(field, duplicated, getter, setter);
        }
    }

    /** A {@code boolean} field: the value itself, no null marker and no boxing. */
    private static final class BooleanField extends PojoFieldCodec {
        private final VarHandle handle;

        BooleanField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeBoolean((boolean) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readBoolean());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (boolean) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readBoolean();
        }

        @Override
        Object copyValue(Object from) {
            return (boolean) handle.get(from);
        }
    }

    /** A {@code byte} field: the value itself, no null marker and no boxing. */
    private static final class ByteField extends PojoFieldCodec {
        private final VarHandle handle;

        ByteField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeByte((byte) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readByte());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (byte) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readByte();
        }

        @Override
        Object copyValue(Object from) {
            return (byte) handle.get(from);
        }
    }

    /** A {@code short} field: the value itself, no null marker and no boxing. */
    private static final class ShortField extends PojoFieldCodec {
        private final VarHandle handle;

        ShortField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeShort((short) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readShort());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (short) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readShort();
        }

        @Override
        Object copyValue(Object from) {
            return (short) handle.get(from);
        }
    }

    /** A {@code char} field: the value itself, no null marker and no boxing. */
    private static final class CharField extends PojoFieldCodec {
        private final VarHandle handle;

        CharField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeChar((char) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readChar());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (char) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readChar();
        }

        @Override
        Object copyValue(Object from) {
            return (char) handle.get(from);
        }
    }

    /** A {@code int} field: the value itself, no null marker and no boxing. */
    private static final class IntField extends PojoFieldCodec {
        private final VarHandle handle;

        IntField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeInt((int) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readInt());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (int) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readInt();
        }

        @Override
        Object copyValue(Object from) {
            return (int) handle.get(from);
        }
    }

    /** A {@code long} field: the value itself, no null marker and no boxing. */
    private static final class LongField extends PojoFieldCodec {
        private final VarHandle handle;

        LongField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeLong((long) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readLong());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (long) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readLong();
        }

        @Override
        Object copyValue(Object from) {
            return (long) handle.get(from);
        }
    }

    /** A {@code float} field: the value itself, no null marker and no boxing. */
    private static final class FloatField extends PojoFieldCodec {
        private final VarHandle handle;

        FloatField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeFloat((float) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readFloat());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (float) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readFloat();
        }

        @Override
        Object copyValue(Object from) {
            return (float) handle.get(from);
        }
    }

    /** A {@code double} field: the value itself, no null marker and no boxing. */
    private static final class DoubleField extends PojoFieldCodec {
        private final VarHandle handle;

        DoubleField(Field field, VarHandle handle) {
            super(field);
            this.handle = handle;
        }

        @Override
        void write(Object pojo, DataOutputView out) throws IOException {
            out.writeDouble((double) handle.get(pojo));
        }

        @Override
        void read(Object pojo, DataInputView in, boolean reuse) throws IOException {
            handle.set(pojo, in.readDouble());
        }

        @Override
        void copy(Object from, Object to) {
            handle.set(to, (double) handle.get(from));
        }

        @Override
        Object readValue(DataInputView in) throws IOException {
            return in.readDouble();
        }

        @Override
        Object copyValue(Object from) {
            return (double) handle.get(from);
        }
    }
}
