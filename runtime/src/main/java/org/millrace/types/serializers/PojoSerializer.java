package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for POJOs: the fields in the order given (the type information sorts them by name),
 * each as described in {@link PojoFieldCodec}: primitives as their value, reference fields as a
 * null marker byte and the value. There is no header, so the record's class must be exactly the
 * declared class; a subclass instance is rejected instead of silently losing its extra fields.
 *
 * <p>Instances are created through the public no-arg constructor. Fields are accessed through var
 * handles, so serialization allocates nothing beyond the values read.
 * {@link #deserialize(Object, DataInputView)} fills {@code reuse}, letting mutable fields reuse
 * their old values.
 *
 * <p>Used by one thread at a time; {@link #duplicate()} copies it if a field serializer is
 * stateful.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private final Class<T> pojoClass;
    private final PojoFieldCodec[] fields;
    /** The public no-arg constructor, typed {@code ()Object}. */
    private final MethodHandle constructor;

    /** A serializer writing {@code fields[i]} with {@code fieldSerializers[i]}. */
    public PojoSerializer(Class<T> pojoClass, Field[] fields, TypeSerializer<?>[] fieldSerializers) {
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException(fields.length + " fields but " + fieldSerializers.length + " serializers");
        }
        this.pojoClass = pojoClass;
        this.fields = new PojoFieldCodec[fields.length];
        for (int i = 0; i < fields.length; i++) {
            this.fields[i] = PojoFieldCodec.create(fields[i], fieldSerializers[i]);
        }
        this.constructor = findConstructor(pojoClass);
    }

    private PojoSerializer(Class<T> pojoClass, PojoFieldCodec[] fields, MethodHandle constructor) {
        this.pojoClass = pojoClass;
        this.fields = fields;
        this.constructor = constructor;
    }

    private static MethodHandle findConstructor(Class<?> pojoClass) {
        try {
            return MethodHandles.publicLookup()
                    .findConstructor(pojoClass, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("POJO class " + pojoClass.getName()
                    + " needs a public no-argument constructor", e);
        }
    }

    public Class<T> getPojoClass() {
        return pojoClass;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public PojoSerializer<T> duplicate() {
        PojoFieldCodec[] duplicates = new PojoFieldCodec[fields.length];
        boolean stateful = false;
        for (int i = 0; i < fields.length; i++) {
            duplicates[i] = fields[i].duplicate();
            stateful |= duplicates[i] != fields[i];
        }
        return stateful ? new PojoSerializer<>(pojoClass, duplicates, constructor) : this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        try {
            return (T) (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The constructor of " + pojoClass.getName() + " failed", t);
        }
    }

    @Override
    public T copy(T from) {
        checkClass(from);
        T copy = createInstance();
        for (PojoFieldCodec field : fields) {
            field.copy(from, copy);
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        checkClass(record);
        for (PojoFieldCodec field : fields) {
            field.write(record, target);
        }
    }

    private void checkClass(T record) {
        if (record.getClass() != pojoClass) {
            throw new IllegalArgumentException("A " + record.getClass().getName() + " was given to the serializer of POJO type "
                    + pojoClass.getName() + "; its extra fields would be lost. Declare the subclass as the stream's type"
                    + " (for example with returns(...)).");
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T record = createInstance();
        for (PojoFieldCodec field : fields) {
            field.read(record, source, false);
        }
        return record;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        if (reuse == null || reuse.getClass() != pojoClass) {
            return deserialize(source);
        }
        for (PojoFieldCodec field : fields) {
            field.read(reuse, source, true);
        }
        return reuse;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoSerializer(").append(pojoClass.getName());
        for (PojoFieldCodec field : fields) {
            sb.append(", ").append(field.field.getName());
        }
        return sb.append(')').toString();
    }
}
