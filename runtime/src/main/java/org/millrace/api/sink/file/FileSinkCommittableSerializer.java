package org.millrace.api.sink.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.millrace.api.fs.Path;
import org.millrace.api.io.SimpleVersionedSerializer;

/**
 * Version 1: the pending and the final path, each as its URI string ({@code writeUTF}). Stateless;
 * called from task threads.
 */
final class FileSinkCommittableSerializer implements SimpleVersionedSerializer<FileSinkCommittable> {

    static final FileSinkCommittableSerializer INSTANCE = new FileSinkCommittableSerializer();

    private static final int VERSION = 1;

    private FileSinkCommittableSerializer() {}

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(FileSinkCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writePath(committable.getPendingFile(), out);
            writePath(committable.getFinalFile(), out);
        }
        return bytes.toByteArray();
    }

    @Override
    public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown FileSinkCommittable serialization version " + version
                    + " (this Millrace reads version " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new FileSinkCommittable(readPath(in), readPath(in));
        }
    }

    static void writePath(Path path, DataOutputStream out) throws IOException {
        out.writeUTF(path.toUri().toString());
    }

    static Path readPath(DataInputStream in) throws IOException {
        String uri = in.readUTF();
        try {
            return new Path(new URI(uri));
        } catch (URISyntaxException e) {
            throw new IOException("Not a path URI in a FileSinkCommittable: " + uri, e);
        }
    }
}
