package org.millrace.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.millrace.api.fs.Path;

/**
 * The {@code file} scheme (and paths without a scheme): the local disk through {@code java.nio}.
 * Relative paths are relative to the process's working directory. Stateless, so one shared
 * instance serves all threads.
 */
public final class LocalFileSystem extends FileSystem {

    private static final LocalFileSystem INSTANCE = new LocalFileSystem();

    private static final URI LOCAL_URI = URI.create("file:///");

    private LocalFileSystem() {}

    public static LocalFileSystem getSharedInstance() {
        return INSTANCE;
    }

    /** The java.nio path of {@code path}; rejects paths of other schemes. */
    public java.nio.file.Path pathToFile(Path path) {
        String scheme = path.toUri().getScheme();
        if (scheme != null && !"file".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("Not a local path: " + path);
        }
        return java.nio.file.Path.of(path.getPath());
    }

    @Override
    public URI getUri() {
        return LOCAL_URI;
    }

    @Override
    public boolean isDistributedFS() {
        return false;
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return status(path, pathToFile(path));
    }

    private static FileStatus status(Path path, java.nio.file.Path file) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (FileSystemException e) {
            // a parent that is a file gives "Not a directory", which means "does not exist" here
            if (e instanceof NoSuchFileException || !Files.exists(file)) {
                throw new FileNotFoundException("File " + path + " does not exist or the user running Millrace has no access to it");
            }
            throw e;
        }
        long len = attrs.isDirectory() ? 0 : attrs.size();
        return new FileStatus(path, attrs.isDirectory(), len, len, (short) 1,
                attrs.lastModifiedTime().toMillis(), attrs.lastAccessTime().toMillis());
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        java.nio.file.Path file = pathToFile(path);
        FileStatus self = status(path, file);
        if (!self.isDir()) {
            return new FileStatus[] {self};
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(file)) {
            for (java.nio.file.Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(Comparator.naturalOrder());
        List<FileStatus> result = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                result.add(status(new Path(path, name), file.resolve(name)));
            } catch (FileNotFoundException e) {
                // deleted since the directory was read: not part of the listing
            }
        }
        return result.toArray(new FileStatus[0]);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        try {
            return new LocalDataInputStream(FileChannel.open(pathToFile(path), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("File " + path + " does not exist");
        }
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode writeMode) throws IOException {
        java.nio.file.Path file = pathToFile(path);
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // CREATE_NEW makes the existence check and the creation one atomic step.
        OpenOption[] options = writeMode == WriteMode.NO_OVERWRITE
                ? new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW}
                : new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING};
        try {
            return new LocalDataOutputStream(FileChannel.open(file, options));
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "already exists, and existing files are not overwritten in NO_OVERWRITE mode");
        }
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        java.nio.file.Path file = pathToFile(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (recursive && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(file);
            return true;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException("Directory " + path + " is not empty; delete it with recursive = true", e);
        }
    }

    private static void deleteTree(java.nio.file.Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        java.nio.file.Path dir = pathToFile(path);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path.toString(), null, "exists and is not a directory");
        }
        return true;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        java.nio.file.Path from = pathToFile(src);
        java.nio.file.Path to = pathToFile(dst);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS) || Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Files.move(from, to);
            return true;
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "LocalFileSystem";
    }
}
