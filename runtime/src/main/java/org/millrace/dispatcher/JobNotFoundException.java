package org.millrace.dispatcher;

import org.millrace.api.JobID;

/** The Dispatcher knows no job with this id. */
public class JobNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobNotFoundException(JobID jobId) {
        super("No job with id " + jobId + " is known to this cluster");
    }
}
