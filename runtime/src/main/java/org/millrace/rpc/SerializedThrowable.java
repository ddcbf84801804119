package org.millrace.rpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.IdentityHashMap;
import java.util.Map;
import org.millrace.types.ClassLoaderObjectInputStream;

/**
 * Stands in for an exception whose class only user code knows (a class of the job's jar), so that it
 * can travel to processes that cannot load that class (the JobManager, the client) and still read as
 * the original: {@link #toString()} is the original's {@code "ClassName: message"}, the stack trace and
 * the cause chain are the original's (causes converted the same way), and {@link #deserializeError}
 * rebuilds the original where its class can be loaded. Only engine classes travel in it.
 *
 * <p>Immutable once built; any thread.
 */
public final class SerializedThrowable extends Exception {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String originalMessage;
    /** The original, Java-serialized; null if it was not serializable. */
    private final byte[] serializedOriginal;

    private SerializedThrowable(Throwable original, Map<Throwable, SerializedThrowable> seen) {
        super(original.getMessage()); // leaves the cause unset, for initCause below
        seen.put(original, this);
        this.originalClassName = original.getClass().getName();
        this.originalMessage = original.getMessage();
        this.serializedOriginal = trySerialize(original);
        setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null && cause != original) {
            SerializedThrowable seenCause = seen.get(cause);
            initCause(seenCause != null ? seenCause : new SerializedThrowable(cause, seen));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            addSuppressed(seen.containsKey(suppressed) ? seen.get(suppressed) : new SerializedThrowable(suppressed, seen));
        }
    }

    /**
     * {@code error} itself if every class in its cause chain is one {@code engineClassLoader} loads (so
     * every process can read it), else a {@link SerializedThrowable} of it.
     */
    public static Throwable readableEverywhere(Throwable error, ClassLoader engineClassLoader) {
        if (error == null || isEngineChain(error, engineClassLoader)) {
            return error;
        }
        return new SerializedThrowable(error, new IdentityHashMap<>());
    }

    private static boolean isEngineChain(Throwable error, ClassLoader engineClassLoader) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (!isEngineClass(t.getClass(), engineClassLoader)) {
                return false;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (!isEngineChain(suppressed, engineClassLoader)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isEngineClass(Class<?> type, ClassLoader engineClassLoader) {
        try {
            return Class.forName(type.getName(), false, engineClassLoader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public String getOriginalClassName() {
        return originalClassName;
    }

    /** The original exception, if {@code classLoader} can load its classes; else this one. */
    public Throwable deserializeError(ClassLoader classLoader) {
        if (serializedOriginal == null) {
            return this;
        }
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(serializedOriginal), classLoader)) {
            return (Throwable) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return this;
        }
    }

    @Override
    public String toString() {
        return originalMessage == null ? originalClassName : originalClassName + ": " + originalMessage;
    }

    private static byte[] trySerialize(Throwable original) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        } catch (IOException | RuntimeException e) {
            return null; // not serializable: the class name, message and stack trace still travel
        }
        return bytes.toByteArray();
    }
}
