package org.millrace.rpc.netty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.millrace.rpc.RpcException;
import org.millrace.types.ClassLoaderObjectInputStream;

/**
 * The explicit fallback codec: Java serialization, for engine objects whose content is user code or
 * user data (JobGraph, TaskDeploymentDescriptor, TaskExecutionState with its accumulators and user
 * exception, JobResult, slot lists). Decoding resolves classes with the {@link CodecContext}'s class
 * loader, so a receiver that knows the job can read its user classes. Only trusted peers may send
 * these bytes: the control plane is not an open port. Stateless; any thread.
 */
public final class JavaSerializationCodec implements ArgumentCodec {

    public static final JavaSerializationCodec INSTANCE = new JavaSerializationCodec();

    private JavaSerializationCodec() {}

    @Override
    public byte[] encode(Object value, CodecContext context) {
        return serialize(value);
    }

    @Override
    public Object decode(byte[] bytes, CodecContext context) {
        return deserialize(bytes, context.classLoader());
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new RpcException("Cannot send a " + value.getClass().getName() + ": " + e.getMessage()
                    + " is not serializable", e);
        } catch (IOException e) {
            throw new RpcException("Cannot serialize a " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes, ClassLoader classLoader) {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new RpcException("Cannot deserialize a received value: " + e, e);
        }
    }
}
