package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;

/**
 * Serializer for POJOs and Java records: the fields in the order given (the type information sorts
 * them by name), primitives as their value, reference fields as a null marker byte and the value
 * (see {@link PojoHandles}). There is no header, so the value's class must be exactly the declared
 * class; a subclass instance is rejected instead of silently losing its extra fields.
 *
 * <p>POJO instances are created through the public no-arg constructor and filled through composed
 * method handles, so serialization allocates nothing beyond the values read;
 * {@link #deserialize(Object, DataInputView)} fills {@code reuse}, letting mutable fields reuse their
 * old values. Records are immutable: their field values are collected in a scratch array and passed
 * to the canonical constructor (primitive components are boxed on the way), and {@code reuse} is
 * ignored.
 *
 * <p>Used by one thread at a time; {@link #duplicate()} returns a new instance when a field
 * serializer is stateful or the type is a record.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private final Class<T> pojoClass;
    private final Field[] fields;
    private final TypeSerializer<?>[] fieldSerializers;
    private final PojoHandles handles;
    /** The public no-arg constructor, typed {@code ()Object}; {@code null} for records. */
    private final MethodHandle constructor;
    /** For records: the canonical constructor, typed {@code (Object[])Object}; else {@code null}. */
    private final MethodHandle recordConstructor;
    /** For records: the constructor argument position of each of {@link #fields}. */
    private final int[] componentPositions;
    /** For records: the constructor arguments being collected (this instance's scratch). */
    private final Object[] arguments;

    /** A serializer writing {@code fields[i]} with {@code fieldSerializers[i]}. */
    public PojoSerializer(Class<T> pojoClass, Field[] fields, TypeSerializer<?>[] fieldSerializers) {
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException(fields.length + " fields but " + fieldSerializers.length + " serializers");
        }
        this.pojoClass = pojoClass;
        this.fields = fields.clone();
        this.fieldSerializers = fieldSerializers.clone();
        boolean record = pojoClass.isRecord();
        this.handles = new PojoHandles(this.fields, this.fieldSerializers, record);
        if (record) {
            this.constructor = null;
            this.recordConstructor = findRecordConstructor(pojoClass);
            this.componentPositions = componentPositions(pojoClass, fields);
            this.arguments = new Object[fields.length];
        } else {
            this.constructor = findConstructor(pojoClass);
            this.recordConstructor = null;
            this.componentPositions = null;
            this.arguments = null;
        }
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

    private static MethodHandle findRecordConstructor(Class<?> recordClass) {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        MethodType type = MethodType.methodType(void.class, types);
        MethodHandle canonical;
        try {
            canonical = MethodHandles.privateLookupIn(recordClass, MethodHandles.lookup()).findConstructor(recordClass, type);
        } catch (ReflectiveOperationException notOpen) {
            try {
                canonical = MethodHandles.publicLookup().findConstructor(recordClass, type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("The canonical constructor of record " + recordClass.getName()
                        + " is not accessible", e);
            }
        }
        return canonical.asSpreader(Object[].class, types.length).asType(MethodType.methodType(Object.class, Object[].class));
    }

    private static int[] componentPositions(Class<?> recordClass, Field[] fields) {
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components.length != fields.length) {
            throw new IllegalArgumentException("Record " + recordClass.getName() + " has " + components.length
                    + " components, but " + fields.length + " fields were given: a record is built from all of them");
        }
        int[] positions = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            positions[i] = -1;
            for (int c = 0; c < components.length; c++) {
                if (components[c].getName().equals(fields[i].getName())) {
                    positions[i] = c;
                }
            }
            if (positions[i] < 0) {
                throw new IllegalArgumentException(fields[i] + " is not a component of record " + recordClass.getName());
            }
        }
        return positions;
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
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[fieldSerializers.length];
        boolean stateful = arguments != null;
        for (int i = 0; i < fieldSerializers.length; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            stateful |= duplicates[i] != fieldSerializers[i];
        }
        return stateful ? new PojoSerializer<>(pojoClass, fields, duplicates) : this;
    }

    /** A new instance from the no-arg constructor; {@code null} for records, which have none. */
    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        if (constructor == null) {
            return null;
        }
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
        try {
            if (recordConstructor != null) {
                for (int i = 0; i < fields.length; i++) {
                    arguments[componentPositions[i]] = (Object) handles.valueCopiers[i].invokeExact((Object) from);
                }
                return construct();
            }
            T copy = createInstance();
            for (MethodHandle copier : handles.copiers) {
                copier.invokeExact((Object) from, (Object) copy);
            }
            return copy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Copying a " + pojoClass.getName() + " failed", t);
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        checkClass(record);
        try {
            for (MethodHandle writer : handles.writers) {
                writer.invokeExact((Object) record, target);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("Writing a " + pojoClass.getName() + " failed", t);
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
        if (recordConstructor != null) {
            return readRecord(source);
        }
        return readInto(createInstance(), handles.readers, source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        if (recordConstructor != null) {
            return readRecord(source);
        }
        if (reuse == null || reuse.getClass() != pojoClass) {
            return readInto(createInstance(), handles.readers, source);
        }
        return readInto(reuse, handles.reusingReaders, source);
    }

    private T readInto(T pojo, MethodHandle[] readers, DataInputView source) throws IOException {
        try {
            for (MethodHandle reader : readers) {
                reader.invokeExact((Object) pojo, source);
            }
            return pojo;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("Reading a " + pojoClass.getName() + " failed", t);
        }
    }

    private T readRecord(DataInputView source) throws IOException {
        try {
            for (int i = 0; i < fields.length; i++) {
                arguments[componentPositions[i]] = (Object) handles.valueReaders[i].invokeExact(source);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("Reading a " + pojoClass.getName() + " failed", t);
        }
        return construct();
    }

    @SuppressWarnings("unchecked")
    private T construct() {
        try {
            return (T) (Object) recordConstructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The canonical constructor of " + pojoClass.getName() + " failed", t);
        } finally {
            // do not keep the last record's values reachable
            Arrays.fill(arguments, null);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoSerializer(").append(pojoClass.getName());
        for (Field field : fields) {
            sb.append(", ").append(field.getName());
        }
        return sb.append(')').toString();
    }
}
