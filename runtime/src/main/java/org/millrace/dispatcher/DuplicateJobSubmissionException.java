package org.millrace.dispatcher;

import org.millrace.api.JobID;

/** A job with this id was already submitted to this cluster. */
public class DuplicateJobSubmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    public DuplicateJobSubmissionException(JobID jobId) {
        super("Job " + jobId + " was already submitted to this cluster");
    }
}
