package org.millrace.api.io;

import java.io.IOException;

/**
 * Turns a small object (a source split, a sink committable, a sink writer's state) into bytes
 * tagged with a format version, so that checkpoints and savepoints written by one version of a
 * job can be read by a later one. Called from task threads; implementations are usually stateless.
 *
 * @param <E> the type serialized
 */
public interface SimpleVersionedSerializer<E> {

    /** The version {@link #serialize} writes; stored beside the bytes. */
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    /** Reads bytes written by a serializer whose {@link #getVersion()} was {@code version}. */
    E deserialize(int version, byte[] serialized) throws IOException;
}
