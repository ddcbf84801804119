package org.millrace.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.millrace.types.ClassLoaderObjectInputStream;

/**
 * Java serialization of user code (operators, functions, sources, splits) into the job graph and
 * back inside a task, resolving classes through the job's class loader.
 */
public final class ObjectBytes {

    private ObjectBytes() {}

    /** Serializes {@code object}; {@code what} names it in the error (e.g. "the function of operator 'Map'"). */
    public static byte[] serialize(Object object, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("Cannot ship " + what + ": class " + e.getMessage()
                    + " is not serializable. Functions and everything they reference must implement java.io.Serializable"
                    + " (or be held in transient fields set in open())", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot ship " + what + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static <T> T deserialize(byte[] bytes, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        }
    }
}
