package org.millrace.dispatcher;

import org.millrace.cluster.JobStatusListener;
import org.millrace.graph.JobGraph;
import org.millrace.jobmaster.JobManagerRunner;

/** Creates the (unstarted) runner of a submitted job. Called from the Dispatcher's main thread. */
@FunctionalInterface
public interface JobManagerRunnerFactory {

    /** {@code statusListener} is called from the job's JobMaster thread. */
    JobManagerRunner create(JobGraph jobGraph, JobStatusListener statusListener);
}
