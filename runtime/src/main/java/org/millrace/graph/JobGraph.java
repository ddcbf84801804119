package org.millrace.graph;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.api.JobID;
import org.millrace.configuration.Configuration;

/**
 * What a client submits: the job's vertices (operator chains) and edges, the user jars to load
 * its functions from, and the job-level configuration. Vertices are kept in topological order.
 */
public final class JobGraph implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String name;
    private final List<JobVertex> vertices = new ArrayList<>();
    private final List<URI> userJars = new ArrayList<>();
    private final Configuration jobConfiguration;

    public JobGraph(JobID jobId, String name, Configuration jobConfiguration) {
        this.jobId = jobId;
        this.name = name;
        this.jobConfiguration = new Configuration(jobConfiguration);
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getName() {
        return name;
    }

    /** Adds a vertex; callers add producers before their consumers. */
    public void addVertex(JobVertex vertex) {
        vertices.add(vertex);
    }

    /** The vertices in topological order (every producer before its consumers). */
    public List<JobVertex> getVertices() {
        return Collections.unmodifiableList(vertices);
    }

    public void addUserJar(URI jar) {
        userJars.add(jar);
    }

    public List<URI> getUserJars() {
        return Collections.unmodifiableList(userJars);
    }

    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    /** Slots needed under slot sharing: one per subtask index of the widest vertex. */
    public int getMaximumParallelism() {
        int max = 0;
        for (JobVertex v : vertices) {
            max = Math.max(max, v.getParallelism());
        }
        return max;
    }

    @Override
    public String toString() {
        return "JobGraph '" + name + "' (" + jobId + ") " + vertices;
    }
}
