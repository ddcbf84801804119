package org.millrace.api.sink.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.millrace.api.io.SimpleVersionedSerializer;

/** Version 1: uuid ({@code writeUTF}), subtask index (int), next part counter (long). Stateless. */
final class FileSinkWriterStateSerializer implements SimpleVersionedSerializer<FileSinkWriterState> {

    static final FileSinkWriterStateSerializer INSTANCE = new FileSinkWriterStateSerializer();

    private static final int VERSION = 1;

    private FileSinkWriterStateSerializer() {}

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FileSinkWriterState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(state.getUuid());
            out.writeInt(state.getSubtaskIndex());
            out.writeLong(state.getNextPartCounter());
        }
        return bytes.toByteArray();
    }

    @Override
    public FileSinkWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown FileSinkWriterState serialization version " + version
                    + " (this Millrace reads version " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new FileSinkWriterState(in.readUTF(), in.readInt(), in.readLong());
        }
    }
}
