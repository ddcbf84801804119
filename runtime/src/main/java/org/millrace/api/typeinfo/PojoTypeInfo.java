package org.millrace.api.typeinfo;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.millrace.api.typeutils.TypeSerializer;
import org.millrace.types.serializers.PojoSerializer;

/**
 * Type information for a POJO: a public class with a public no-arg constructor whose fields are
 * public or have a public getter and setter, or a public Java record. Fields are ordered by name
 * (the serialized order), so the order does not depend on reflection. A POJO is a key type only if
 * it overrides {@code hashCode} and {@code equals} (records always do). Immutable; any thread.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final PojoField[] fields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        super(typeClass);
        List<PojoField> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(PojoField::getName));
        this.fields = sorted.toArray(new PojoField[0]);
        for (int i = 1; i < this.fields.length; i++) {
            if (this.fields[i].getName().equals(this.fields[i - 1].getName())) {
                throw new IllegalArgumentException("POJO " + typeClass.getName() + " has two fields named "
                        + this.fields[i].getName());
            }
        }
    }

    public PojoField getPojoFieldAt(int pos) {
        return fields[pos];
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    @Override
    public boolean isKeyType() {
        return TypeInfoUtils.hashesByValue(typeClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= fields.length) {
            throw new IndexOutOfBoundsException("Position " + pos + " is not a field of " + this);
        }
        return (TypeInformation<X>) fields[pos].getTypeInformation();
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getName();
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TypeSerializer<T> createSerializer() {
        Field[] reflectFields = new Field[fields.length];
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            reflectFields[i] = fields[i].getField();
            serializers[i] = fields[i].getTypeInformation().createSerializer();
        }
        return new PojoSerializer<>(typeClass, reflectFields, serializers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoType<").append(typeClass.getName()).append(", fields = [");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]);
        }
        return sb.append("]>").toString();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoTypeInfo)) {
            return false;
        }
        PojoTypeInfo<?> other = (PojoTypeInfo<?>) obj;
        return typeClass == other.typeClass && Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.hashCode() + Arrays.hashCode(fields);
    }
}
