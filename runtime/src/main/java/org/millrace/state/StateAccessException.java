package org.millrace.state;

/** A state backend failed to read or write state (e.g. a RocksDB error) where the API allows no checked exception. Thrown on the task's thread. */
public final class StateAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
