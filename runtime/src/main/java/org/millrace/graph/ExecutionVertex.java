package org.millrace.graph;

/** One parallel subtask of a job vertex, as the scheduler places and deploys it. */
public final class ExecutionVertex {

    private final JobVertex jobVertex;
    private final int subtaskIndex;
    private final ExecutionVertexID id;

    ExecutionVertex(JobVertex jobVertex, int subtaskIndex) {
        this.jobVertex = jobVertex;
        this.subtaskIndex = subtaskIndex;
        this.id = new ExecutionVertexID(jobVertex.getId(), subtaskIndex);
    }

    public ExecutionVertexID getId() {
        return id;
    }

    public JobVertex getJobVertex() {
        return jobVertex;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public int getParallelism() {
        return jobVertex.getParallelism();
    }

    /** "name (i/n)", 1-based. */
    public String getTaskNameWithSubtask() {
        return jobVertex.getName() + " (" + (subtaskIndex + 1) + "/" + jobVertex.getParallelism() + ")";
    }

    @Override
    public String toString() {
        return getTaskNameWithSubtask();
    }
}
