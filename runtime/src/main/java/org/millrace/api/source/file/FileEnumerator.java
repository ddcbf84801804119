package org.millrace.api.source.file;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.millrace.api.fs.Path;
import org.millrace.fs.FileStatus;
import org.millrace.fs.FileSystem;

/**
 * Lists the files under a path: the path itself if it is a file; for a directory its files (and,
 * if nested, the files of its sub-directories), skipping names that start with '.' or '_'. The
 * order is stable (directory entries in name order, depth first). Used once, when a source's
 * splits are created.
 */
final class FileEnumerator {

    private FileEnumerator() {}

    static List<FileStatus> enumerate(Path path, boolean nested) throws IOException {
        FileSystem fs = path.getFileSystem();
        FileStatus root;
        try {
            root = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("Input path " + path + " does not exist");
        }
        List<FileStatus> files = new ArrayList<>();
        if (root.isDir()) {
            addDirectory(fs, root.getPath(), nested, files);
        } else {
            files.add(root);
        }
        return files;
    }

    private static void addDirectory(FileSystem fs, Path dir, boolean nested, List<FileStatus> files) throws IOException {
        FileStatus[] entries = fs.listStatus(dir);
        Arrays.sort(entries, Comparator.comparing(status -> status.getPath().getName()));
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (!entry.isDir()) {
                files.add(entry);
            } else if (nested) {
                addDirectory(fs, entry.getPath(), true, files);
            }
        }
    }
}
