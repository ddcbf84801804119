package org.millrace.taskmanager;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.millrace.api.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One class loader per job on a TaskExecutor: a {@link URLClassLoader} over the job's jars with the
 * TaskExecutor's loader as parent, or the TaskExecutor's loader itself when the job ships no jars.
 * All of a job's tasks here share it, so user classes and their statics are the same across the job's
 * subtasks. Used from the TaskExecutor's main thread only.
 */
final class UserCodeClassLoaders {

    private static final Logger LOG = LoggerFactory.getLogger(UserCodeClassLoaders.class);

    private final ClassLoader parent;
    private final Map<JobID, ClassLoader> loaders = new HashMap<>();

    UserCodeClassLoaders(ClassLoader parent) {
        this.parent = parent;
    }

    /** The job's loader, created on first use. Jars must be URLs a URLClassLoader reads (file:, jar:). */
    ClassLoader get(JobID jobId, List<URI> userJars) throws IOException {
        ClassLoader loader = loaders.get(jobId);
        if (loader == null) {
            loader = userJars.isEmpty() ? parent : new URLClassLoader("job-" + jobId, toUrls(userJars), parent);
            loaders.put(jobId, loader);
        }
        return loader;
    }

    private static URL[] toUrls(List<URI> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toURL();
        }
        return urls;
    }

    /** Closes the job's loader (its jar files); classes already loaded stay usable. */
    void release(JobID jobId) {
        ClassLoader loader = loaders.remove(jobId);
        if (loader instanceof URLClassLoader url) {
            try {
                url.close();
            } catch (IOException e) {
                LOG.warn("Could not close the class loader of job {}", jobId, e);
            }
        }
    }

    void releaseAll() {
        for (JobID jobId : List.copyOf(loaders.keySet())) {
            release(jobId);
        }
    }
}
