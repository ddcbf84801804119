package org.millrace.resourcemanager;

/** A job's slots cannot be provided: more than the cluster can ever have, or not within the slot request timeout. */
public class NoResourceAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
