package org.millrace.api.sink.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.millrace.api.fs.Path;
import org.millrace.api.io.SimpleVersionedSerializer;
import org.millrace.api.sink.CommitterInitContext;

/** Drives a file sink's writer and committer as the runtime does, and reads what they left on disk. */
final class FileSinkTesting {

    static final CommitterInitContext COMMITTER_CONTEXT = new CommitterInitContext() {
        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public int getParallelism() {
            return 1;
        }
    };

    private FileSinkTesting() {}

    /** The runtime's calls at a checkpoint barrier: flush(false), then prepareCommit. */
    static List<FileSinkCommittable> prepareCheckpoint(FileWriter<?> writer) throws Exception {
        writer.flush(false);
        return new ArrayList<>(writer.prepareCommit());
    }

    /** Serializes and deserializes each element, as storing it in a checkpoint and restoring it does. */
    static <E> List<E> throughCheckpoint(SimpleVersionedSerializer<E> serializer, List<E> values) throws IOException {
        List<E> restored = new ArrayList<>();
        for (E value : values) {
            restored.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(value)));
        }
        return restored;
    }

    /** The lines of all committed (visible) files below {@code base}, file by file in path order. */
    static List<String> committedLines(java.nio.file.Path base) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : FileSink.listCommittedFiles(new Path(base.toString()))) {
            lines.addAll(Files.readAllLines(java.nio.file.Path.of(file.getPath()), StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The names of all regular files below {@code base} (hidden ones included), relative to it, sorted. */
    static List<String> allFiles(java.nio.file.Path base) throws IOException {
        if (!Files.exists(base)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    static boolean isHidden(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return name.startsWith(".");
    }
}
