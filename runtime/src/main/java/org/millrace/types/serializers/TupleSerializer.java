package org.millrace.types.serializers;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.millrace.api.tuple.Tuple;
import org.millrace.api.tuple.Tuple1;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.tuple.Tuple3;
import org.millrace.api.tuple.Tuple4;
import org.millrace.api.tuple.Tuple5;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.NullFieldException;

/**
 * Serializer for {@link Tuple} types ({@code Tuple0}..{@code Tuple5} and their subclasses with
 * a public no-arg constructor). The format is the fields one after another, with no header;
 * {@code Tuple0} writes one zero byte so that a record is never empty.
 *
 * <p>Fields must not be {@code null}, unless the field's serializer writes nulls itself (String
 * does): a null field otherwise fails with a {@link NullFieldException} naming it.
 * {@link #deserialize(Tuple, DataInputView)} fills {@code reuse} and lets each field serializer
 * reuse the old field value.
 *
 * <p>Used by one thread at a time; {@link #duplicate()} copies it if a field serializer is
 * stateful. Create instances with {@link #create}, which picks a subclass per arity.
 */
public abstract class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

    final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    /** Creates instances of a tuple subclass; null for the TupleN classes themselves. */
    private final MethodHandle constructor;
    private final int arity;

    TupleSerializer(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
        this.tupleClass = tupleClass;
        this.fieldSerializers = fieldSerializers;
        this.arity = fieldSerializers.length;
        this.constructor = tupleClass == Tuple.getTupleClass(arity) ? null : findConstructor(tupleClass);
    }

    /** A serializer for tuples of {@code tupleClass} whose field {@code i} uses {@code fieldSerializers[i]}. */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TupleSerializer<T> create(Class<T> tupleClass, TypeSerializer<?>... fieldSerializers) {
        TypeSerializer<Object>[] fields = (TypeSerializer<Object>[]) fieldSerializers.clone();
        if (!Tuple.getTupleClass(fields.length).isAssignableFrom(tupleClass)) {
            throw new IllegalArgumentException(tupleClass.getName() + " is not a tuple of arity " + fields.length);
        }
        switch (fields.length) {
            case 0:
                return new Arity0<>(tupleClass, fields);
            case 1:
                return new Arity1<>(tupleClass, fields);
            case 2:
                return new Arity2<>(tupleClass, fields);
            case 3:
                return new Arity3<>(tupleClass, fields);
            case 4:
                return new Arity4<>(tupleClass, fields);
            case 5:
                return new Arity5<>(tupleClass, fields);
            default:
                throw new IllegalArgumentException("no tuple class of arity " + fields.length);
        }
    }

    private static MethodHandle findConstructor(Class<?> tupleClass) {
        try {
            return MethodHandles.publicLookup()
                    .findConstructor(tupleClass, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Tuple.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Tuple subclass " + tupleClass.getName()
                    + " needs a public no-argument constructor to be deserialized", e);
        }
    }

    abstract TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers);

    public int getArity() {
        return arity;
    }

    public TypeSerializer<?> getFieldSerializer(int pos) {
        return fieldSerializers[pos];
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TupleSerializer<T> duplicate() {
        TypeSerializer<Object>[] duplicates = new TypeSerializer[arity];
        boolean stateful = false;
        for (int i = 0; i < arity; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            stateful |= duplicates[i] != fieldSerializers[i];
        }
        return stateful ? withFieldSerializers(duplicates) : this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        if (constructor == null) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return (T) (Tuple) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Could not create a " + tupleClass.getName(), t);
        }
    }

    @Override
    public T copy(T from) {
        T copy = createInstance();
        for (int i = 0; i < arity; i++) {
            Object value = from.getField(i);
            copy.setField(value == null ? null : fieldSerializers[i].copy(value), i);
        }
        return copy;
    }

    @Override
    public int getLength() {
        int length = 0;
        for (TypeSerializer<Object> field : fieldSerializers) {
            int fieldLength = field.getLength();
            if (fieldLength < 0) {
                return -1;
            }
            length += fieldLength;
        }
        return arity == 0 ? 1 : length;
    }

    /** Names the null field if it caused the NPE; otherwise the NPE came from deeper down. */
    final NullPointerException nullField(NullPointerException e, Object value, int pos) {
        return value == null ? new NullFieldException(pos, tupleClass.getSimpleName()) : e;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TupleSerializer(").append(tupleClass.getSimpleName());
        for (TypeSerializer<Object> field : fieldSerializers) {
            sb.append(", ").append(field);
        }
        return sb.append(')').toString();
    }

    /** {@code Tuple0}: one zero byte, no fields. */
    private static final class Arity0<T extends Tuple> extends TupleSerializer<T> {

        Arity0(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return this;
        }

        @Override
        public boolean isImmutableType() {
            return true; // no fields, nothing to change
        }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            target.writeByte(0);
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            source.readByte();
            return createInstance();
        }

        @Override
        public T deserialize(T reuse, DataInputView source) throws IOException {
            source.readByte();
            return reuse != null ? reuse : createInstance();
        }
    }

    /** Direct field access for 1-tuples: one call site per field keeps the JIT's type profiles sharp. */
    private static final class Arity1<T extends Tuple> extends TupleSerializer<T> {
        private final TypeSerializer<Object> s0;

        Arity1(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
            this.s0 = fieldSerializers[0];
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return new Arity1<>(tupleClass, fieldSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(T record, DataOutputView target) throws IOException {
            Tuple1<Object> t = (Tuple1<Object>) record;
            try {
                s0.serialize(t.f0, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f0, 0);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            T record = createInstance();
            Tuple1<Object> t = (Tuple1<Object>) record;
            t.f0 = s0.deserialize(source);
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(T reuse, DataInputView source) throws IOException {
            T record = reuse != null ? reuse : createInstance();
            Tuple1<Object> t = (Tuple1<Object>) record;
            t.f0 = s0.deserialize(t.f0, source);
            return record;
        }
    }

    /** Direct field access for 2-tuples: one call site per field keeps the JIT's type profiles sharp. */
    private static final class Arity2<T extends Tuple> extends TupleSerializer<T> {
        private final TypeSerializer<Object> s0;
        private final TypeSerializer<Object> s1;

        Arity2(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
            this.s0 = fieldSerializers[0];
            this.s1 = fieldSerializers[1];
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return new Arity2<>(tupleClass, fieldSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(T record, DataOutputView target) throws IOException {
            Tuple2<Object, Object> t = (Tuple2<Object, Object>) record;
            try {
                s0.serialize(t.f0, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f0, 0);
            }
            try {
                s1.serialize(t.f1, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f1, 1);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            T record = createInstance();
            Tuple2<Object, Object> t = (Tuple2<Object, Object>) record;
            t.f0 = s0.deserialize(source);
            t.f1 = s1.deserialize(source);
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(T reuse, DataInputView source) throws IOException {
            T record = reuse != null ? reuse : createInstance();
            Tuple2<Object, Object> t = (Tuple2<Object, Object>) record;
            t.f0 = s0.deserialize(t.f0, source);
            t.f1 = s1.deserialize(t.f1, source);
            return record;
        }
    }

    /** Direct field access for 3-tuples: one call site per field keeps the JIT's type profiles sharp. */
    private static final class Arity3<T extends Tuple> extends TupleSerializer<T> {
        private final TypeSerializer<Object> s0;
        private final TypeSerializer<Object> s1;
        private final TypeSerializer<Object> s2;

        Arity3(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
            this.s0 = fieldSerializers[0];
            this.s1 = fieldSerializers[1];
            this.s2 = fieldSerializers[2];
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return new Arity3<>(tupleClass, fieldSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(T record, DataOutputView target) throws IOException {
            Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) record;
            try {
                s0.serialize(t.f0, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f0, 0);
            }
            try {
                s1.serialize(t.f1, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f1, 1);
            }
            try {
                s2.serialize(t.f2, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f2, 2);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            T record = createInstance();
            Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) record;
            t.f0 = s0.deserialize(source);
            t.f1 = s1.deserialize(source);
            t.f2 = s2.deserialize(source);
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(T reuse, DataInputView source) throws IOException {
            T record = reuse != null ? reuse : createInstance();
            Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) record;
            t.f0 = s0.deserialize(t.f0, source);
            t.f1 = s1.deserialize(t.f1, source);
            t.f2 = s2.deserialize(t.f2, source);
            return record;
        }
    }

    /** Direct field access for 4-tuples: one call site per field keeps the JIT's type profiles sharp. */
    private static final class Arity4<T extends Tuple> extends TupleSerializer<T> {
        private final TypeSerializer<Object> s0;
        private final TypeSerializer<Object> s1;
        private final TypeSerializer<Object> s2;
        private final TypeSerializer<Object> s3;

        Arity4(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
            this.s0 = fieldSerializers[0];
            this.s1 = fieldSerializers[1];
            this.s2 = fieldSerializers[2];
            this.s3 = fieldSerializers[3];
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return new Arity4<>(tupleClass, fieldSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(T record, DataOutputView target) throws IOException {
            Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) record;
            try {
                s0.serialize(t.f0, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f0, 0);
            }
            try {
                s1.serialize(t.f1, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f1, 1);
            }
            try {
                s2.serialize(t.f2, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f2, 2);
            }
            try {
                s3.serialize(t.f3, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f3, 3);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            T record = createInstance();
            Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) record;
            t.f0 = s0.deserialize(source);
            t.f1 = s1.deserialize(source);
            t.f2 = s2.deserialize(source);
            t.f3 = s3.deserialize(source);
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(T reuse, DataInputView source) throws IOException {
            T record = reuse != null ? reuse : createInstance();
            Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) record;
            t.f0 = s0.deserialize(t.f0, source);
            t.f1 = s1.deserialize(t.f1, source);
            t.f2 = s2.deserialize(t.f2, source);
            t.f3 = s3.deserialize(t.f3, source);
            return record;
        }
    }

    /** Direct field access for 5-tuples: one call site per field keeps the JIT's type profiles sharp. */
    private static final class Arity5<T extends Tuple> extends TupleSerializer<T> {
        private final TypeSerializer<Object> s0;
        private final TypeSerializer<Object> s1;
        private final TypeSerializer<Object> s2;
        private final TypeSerializer<Object> s3;
        private final TypeSerializer<Object> s4;

        Arity5(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
            super(tupleClass, fieldSerializers);
            this.s0 = fieldSerializers[0];
            this.s1 = fieldSerializers[1];
            this.s2 = fieldSerializers[2];
            this.s3 = fieldSerializers[3];
            this.s4 = fieldSerializers[4];
        }

        @Override
        TupleSerializer<T> withFieldSerializers(TypeSerializer<Object>[] fieldSerializers) {
            return new Arity5<>(tupleClass, fieldSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(T record, DataOutputView target) throws IOException {
            Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) record;
            try {
                s0.serialize(t.f0, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f0, 0);
            }
            try {
                s1.serialize(t.f1, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f1, 1);
            }
            try {
                s2.serialize(t.f2, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f2, 2);
            }
            try {
                s3.serialize(t.f3, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f3, 3);
            }
            try {
                s4.serialize(t.f4, target);
            } catch (NullPointerException e) {
                throw nullField(e, t.f4, 4);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            T record = createInstance();
            Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) record;
            t.f0 = s0.deserialize(source);
            t.f1 = s1.deserialize(source);
            t.f2 = s2.deserialize(source);
            t.f3 = s3.deserialize(source);
            t.f4 = s4.deserialize(source);
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(T reuse, DataInputView source) throws IOException {
            T record = reuse != null ? reuse : createInstance();
            Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) record;
            t.f0 = s0.deserialize(t.f0, source);
            t.f1 = s1.deserialize(t.f1, source);
            t.f2 = s2.deserialize(t.f2, source);
            t.f3 = s3.deserialize(t.f3, source);
            t.f4 = s4.deserialize(t.f4, source);
            return record;
        }
    }
}
