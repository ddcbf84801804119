package org.millrace.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.millrace.api.fs.Path;
import org.millrace.fs.FileSystem;

/**
 * Reads the metadata of a completed checkpoint or savepoint from a user-given pointer: its
 * directory or its {@code _metadata} file, on any FileSystem scheme. Stateless.
 */
public final class CheckpointLoader {

    private CheckpointLoader() {}

    public static CheckpointMetadata load(String pointer) throws IOException {
        Path path = new Path(pointer);
        FileSystem fs = FileSystem.get(path.toUri());
        if (!fs.exists(path)) {
            throw new FileNotFoundException("No checkpoint or savepoint at " + pointer);
        }
        Path file = fs.getFileStatus(path).isDir() ? new Path(path, FileSystemCheckpointStorage.METADATA_FILE) : path;
        if (!fs.exists(file)) {
            throw new FileNotFoundException(pointer + " holds no " + FileSystemCheckpointStorage.METADATA_FILE
                    + " file: it is not a completed checkpoint or savepoint");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = fs.open(file)) {
            in.transferTo(bytes);
        }
        return CheckpointMetadataSerializer.deserialize(bytes.toByteArray(), file.toString());
    }
}
