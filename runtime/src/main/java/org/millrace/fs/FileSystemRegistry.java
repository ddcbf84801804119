package org.millrace.fs;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.millrace.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link FileSystemFactory} services and caches the file systems they create, one per scheme
 * and authority. Called from any thread; all state is guarded by {@code this}. Lookups happen when
 * a source, sink or checkpoint opens a path, never per record, so one lock is cheap enough.
 */
final class FileSystemRegistry {

    static final FileSystemRegistry INSTANCE = new FileSystemRegistry();

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemRegistry.class);

    private static final String LOCAL_SCHEME = "file";

    /** Factories by scheme, loaded on first use. Guarded by {@code this}. */
    private Map<String, FileSystemFactory> factories;

    /** Guarded by {@code this}. */
    private Configuration config = new Configuration();

    /** File systems by "scheme://authority". Guarded by {@code this}. */
    private final Map<String, FileSystem> cache = new HashMap<>();

    private FileSystemRegistry() {}

    synchronized void initialize(Configuration newConfig) {
        this.config = new Configuration(newConfig);
        this.cache.clear();
        this.factories = null;
    }

    synchronized FileSystem get(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? LOCAL_SCHEME : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
        String key = scheme + "://" + authority;
        FileSystem fs = cache.get(key);
        if (fs != null) {
            return fs;
        }
        FileSystemFactory factory = loadFactories().get(scheme);
        if (factory == null) {
            factory = factories.get(FileSystemFactory.FALLBACK_SCHEME);
        }
        if (factory == null) {
            if (!LOCAL_SCHEME.equals(scheme)) {
                throw unsupportedScheme(scheme, uri);
            }
            // The local file system works even if a repackaged jar lost the services file.
            factory = new LocalFileSystemFactory();
        }
        fs = factory.create(uri);
        cache.put(key, fs);
        return fs;
    }

    private Map<String, FileSystemFactory> loadFactories() {
        if (factories == null) {
            Map<String, FileSystemFactory> found = new HashMap<>();
            for (FileSystemFactory f : ServiceLoader.load(FileSystemFactory.class, FileSystemRegistry.class.getClassLoader())) {
                f.configure(config);
                FileSystemFactory previous = found.putIfAbsent(f.getScheme().toLowerCase(Locale.ROOT), f);
                if (previous != null) {
                    LOG.warn("Two file system factories for scheme '{}': using {}, ignoring {}",
                            f.getScheme(), previous.getClass().getName(), f.getClass().getName());
                }
            }
            LOG.debug("File system factories: {}", found.keySet());
            factories = found;
        }
        return factories;
    }

    private UnsupportedFileSystemSchemeException unsupportedScheme(String scheme, URI uri) {
        TreeSet<String> known = new TreeSet<>(factories.keySet());
        known.add(LOCAL_SCHEME);
        return new UnsupportedFileSystemSchemeException("No file system for scheme '" + scheme + "' (path " + uri
                + "); known schemes: " + known + ". The runtime provides only the local file system ('file'); "
                + "'hdfs' and the other Hadoop-supported schemes are provided by the millrace-hdfs-checkpoint module: "
                + "put its jar and the Hadoop client jars on the class path.");
    }
}
