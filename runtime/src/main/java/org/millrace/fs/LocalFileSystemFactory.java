package org.millrace.fs;

import java.net.URI;

/** The {@link FileSystemFactory} of the {@code file} scheme: always the shared {@link LocalFileSystem}. */
public final class LocalFileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return "file";
    }

    @Override
    public FileSystem create(URI fsUri) {
        return LocalFileSystem.getSharedInstance();
    }
}
