package org.millrace.fs;

import java.io.IOException;
import java.net.URI;
import org.millrace.configuration.Configuration;

/**
 * Creates the {@link FileSystem} for one URI scheme. Found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/org.millrace.fs.FileSystemFactory}), so a module
 * such as hdfs-checkpoint plugs in by being on the class path. A factory whose scheme is
 * {@value #FALLBACK_SCHEME} serves every scheme no other factory claims.
 *
 * <p>Called from any thread that resolves a path; {@link FileSystem#get} serializes the calls.
 */
public interface FileSystemFactory {

    /** The scheme of a factory that serves all schemes without a factory of their own. */
    String FALLBACK_SCHEME = "*";

    /** The URI scheme served, e.g. {@code file} or {@code hdfs}. */
    String getScheme();

    /** Passes the process configuration; called before {@link #create} and again on re-initialization. */
    default void configure(Configuration config) {}

    /** The file system for {@code fsUri}'s scheme and authority. */
    FileSystem create(URI fsUri) throws IOException;
}
