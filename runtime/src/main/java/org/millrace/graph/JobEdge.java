package org.millrace.graph;

import java.io.Serializable;

/**
 * A data exchange between two job vertices: the producer's data set for this edge and how records
 * are distributed over the consumer's subtasks.
 */
public final class JobEdge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobVertex source;
    private final JobVertex target;
    private final IntermediateDataSetID dataSetId = IntermediateDataSetID.random();
    private final DistributionPattern pattern;

    JobEdge(JobVertex source, JobVertex target, DistributionPattern pattern) {
        this.source = source;
        this.target = target;
        this.pattern = pattern;
    }

    /** Connects {@code source} to {@code target} and returns the edge. */
    public static JobEdge connect(JobVertex source, JobVertex target, DistributionPattern pattern) {
        JobEdge e = new JobEdge(source, target, pattern);
        source.addOutput(e);
        target.addInput(e);
        return e;
    }

    public JobVertex getSource() {
        return source;
    }

    public JobVertex getTarget() {
        return target;
    }

    public IntermediateDataSetID getDataSetId() {
        return dataSetId;
    }

    public DistributionPattern getDistributionPattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return source.getName() + " -" + pattern + "-> " + target.getName();
    }
}
