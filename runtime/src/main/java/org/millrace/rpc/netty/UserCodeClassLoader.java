package org.millrace.rpc.netty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.millrace.api.JobID;

/**
 * The class loader of Java-serialized RPC values: the engine's classes first, then those of every
 * job registered on this process's {@link NettyRpcService} (a TaskManager registers a job's loader
 * when the job's first slot arrives, a JobManager its job's), so user accumulators and exceptions can
 * be read. Two jobs with user classes of the same name resolve to the first found: a known limit.
 * Thread-safe (concurrent map; loading runs on I/O and callback threads).
 */
final class UserCodeClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<JobID, ClassLoader> jobClassLoaders = new ConcurrentHashMap<>();

    UserCodeClassLoader(ClassLoader engineClassLoader) {
        super("millrace-rpc-user-code", engineClassLoader);
    }

    void register(JobID jobId, ClassLoader classLoader) {
        jobClassLoaders.put(jobId, classLoader);
    }

    void unregister(JobID jobId) {
        jobClassLoaders.remove(jobId);
    }

    /** Called after the engine's loader did not find {@code name}. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : jobClassLoaders.values()) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                // try the next job
            }
        }
        throw new ClassNotFoundException(name + " (neither an engine class nor one of the jobs "
                + jobClassLoaders.keySet() + ")");
    }
}
