package org.millrace.task;

/** The task thread was interrupted while waiting for a buffer: it is being canceled. */
final class TaskInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskInterruptedException(InterruptedException cause) {
        super("interrupted while waiting for an output buffer", cause);
    }
}
