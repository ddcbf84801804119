package org.millrace.fs;

import java.io.IOException;

/** Thrown by {@link FileSystem#get} when no {@link FileSystemFactory} serves a path's scheme. */
public class UnsupportedFileSystemSchemeException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFileSystemSchemeException(String message) {
        super(message);
    }
}
