package org.millrace.api.functions;

import org.millrace.api.JobID;

/** The job a function runs in. */
public interface JobInfo {

    JobID getJobId();

    String getJobName();
}
