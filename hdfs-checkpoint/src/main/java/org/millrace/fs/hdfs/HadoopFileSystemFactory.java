package org.millrace.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
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
 * <p>The Hadoop configuration is built by {@link HadoopConfigLoader} in {@link #configure}.
 * Called by the runtime's registry, which serializes the calls; the configuration field is
 * written in {@code configure} and read in {@code create} under that serialization, and is
 * volatile for callers that use a factory directly.
 */
public final class HadoopFileSystemFactory implements FileSystemFactory {

    /** Null until configured (then built from an empty Millrace configuration on first use). */
    private volatile org.apache.hadoop.conf.Configuration hadoopConfig;

    @Override
    public String getScheme() {
        return FALLBACK_SCHEME;
    }

    @Override
    public void configure(Configuration config) {
        hadoopConfig = HadoopConfigLoader.load(config);
    }

    /** The Hadoop configuration the file systems of this factory get. */
    public org.apache.hadoop.conf.Configuration getHadoopConfiguration() {
        org.apache.hadoop.conf.Configuration conf = hadoopConfig;
        if (conf == null) {
            conf = HadoopConfigLoader.load(new Configuration());
            hadoopConfig = conf;
        }
        return conf;
    }

    /**
     * A new Hadoop file system instance for {@code fsUri}, not Hadoop's cached one: the registry
     * caches it, and Hadoop's cache would keep handing out an instance made with an older
     * configuration after {@link FileSystem#initialize}.
     */
    @Override
    public FileSystem create(URI fsUri) throws IOException {
        try {
            return new HadoopFileSystem(org.apache.hadoop.fs.FileSystem.newInstance(fsUri, getHadoopConfiguration()));
        } catch (UnsupportedFileSystemException e) {
            UnsupportedFileSystemSchemeException unsupported = new UnsupportedFileSystemSchemeException("No file system for scheme '"
                    + fsUri.getScheme() + "' (path " + fsUri + "): neither Millrace nor Hadoop knows it (" + e.getMessage()
                    + "). Put the jar of a Hadoop connector for it on the class path, or set fs." + fsUri.getScheme()
                    + ".impl with the " + HadoopConfigLoader.MILLRACE_PREFIX + " prefix in the Millrace configuration.");
            unsupported.initCause(e);
            throw unsupported;
        }
    }
}
