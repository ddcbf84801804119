package org.millrace.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import org.millrace.configuration.Configuration;
import org.millrace.fs.FileSystem;
import org.millrace.fs.FileSystemFactory;
import org.millrace.fs.UnsupportedFileSystemSchemeException;

/**
 * The {@link FileSystemFactory} of every scheme Hadoop serves ({@code hdfs}, {@code viewfs},
 * {@code webhdfs}, {@code swebhdfs}, {@code har}, and those of Hadoop connectors on the class
 * path). It registers as the {@linkplain FileSystemFactory#FALLBACK_SCHEME fallback}, so the
 * runtime hands it each scheme no other factory claims, and Hadoop decides (from its
 * {@code fs.<scheme>.impl} keys and its own service files) whether it knows the scheme; factories
 * for a single scheme, such as the runtime's {@code file}, still take precedence.
 *
 * <p>This class names no Hadoop type, so that ServiceLoader can load it (and the runtime keep
 * serving {@code file}) when this module's jar is on the class path but Hadoop's jars are not;
 * a path Hadoop would serve then fails with a message saying what is missing.
 *
 * <p>Called by the runtime's registry, which serializes the calls; the configuration field is
 * volatile for callers that use a factory directly from several threads.
 */
public final class HadoopFileSystemFactory implements FileSystemFactory {

    private static final String HADOOP_FILE_SYSTEM_CLASS = "org.apache.hadoop.fs.FileSystem";

    /** The process configuration; its {@code fs.hadoop.*} keys go to Hadoop. */
    private volatile Configuration config = new Configuration();

    @Override
    public String getScheme() {
        return FALLBACK_SCHEME;
    }

    @Override
    public void configure(Configuration config) {
        this.config = new Configuration(config);
    }

    @Override
    public FileSystem create(URI fsUri) throws IOException {
        checkHadoopOnClassPath(fsUri);
        return HadoopFileSystem.create(fsUri, HadoopConfigLoader.load(config));
    }

    private static void checkHadoopOnClassPath(URI fsUri) throws UnsupportedFileSystemSchemeException {
        try {
            Class.forName(HADOOP_FILE_SYSTEM_CLASS, false, HadoopFileSystemFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            UnsupportedFileSystemSchemeException missing = new UnsupportedFileSystemSchemeException("No file system for scheme '"
                    + fsUri.getScheme() + "' (path " + fsUri + "): the millrace-hdfs-checkpoint module serves it through Hadoop,"
                    + " but Hadoop's classes are not on the class path. Add the Hadoop client jars (bin/millrace adds"
                    + " $HADOOP_CLASSPATH, e.g. HADOOP_CLASSPATH=$(hadoop classpath)).");
            missing.initCause(e);
            throw missing;
        }
    }
}
