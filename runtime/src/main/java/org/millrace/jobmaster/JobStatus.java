package org.millrace.jobmaster;

/** A job's life cycle: CREATED -> RUNNING -> FINISHED / FAILED / CANCELED (FAILING, CANCELLING, RESTARTING in between). */
public enum JobStatus {
    INITIALIZING,
    CREATED,
    RUNNING,
    FAILING,
    CANCELLING,
    RESTARTING,
    FINISHED,
    FAILED,
    CANCELED;

    /** True for the states a job never leaves. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
