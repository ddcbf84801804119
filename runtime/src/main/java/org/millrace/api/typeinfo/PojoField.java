package org.millrace.api.typeinfo;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;

/**
 * One field of a POJO type: the reflective field and its type information. Serializable: the
 * field travels as its declaring class and name. Immutable; any thread.
 */
public final class PojoField implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Field field;
    private final TypeInformation<?> type;

    public PojoField(Field field, TypeInformation<?> type) {
        this.field = Objects.requireNonNull(field, "field");
        this.type = Objects.requireNonNull(type, "type");
    }

    public Field getField() {
        return field;
    }

    public String getName() {
        return field.getName();
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(field.getDeclaringClass());
        out.writeUTF(field.getName());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Class<?> declaringClass = (Class<?>) in.readObject();
        String name = in.readUTF();
        try {
            field = declaringClass.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            InvalidObjectException invalid = new InvalidObjectException("POJO field " + name + " no longer exists in "
                    + declaringClass.getName());
            invalid.initCause(e);
            throw invalid;
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PojoField && field.equals(((PojoField) obj).field) && type.equals(((PojoField) obj).type);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + type.hashCode();
    }

    @Override
    public String toString() {
        return field.getName() + ": " + type;
    }
}
