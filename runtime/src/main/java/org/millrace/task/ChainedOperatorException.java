package org.millrace.task;

/**
 * Carries an exception thrown by an operator of the chain up to the task, with the name of the
 * operator that threw it (the innermost one: wrappers are not wrapped again), so the failure
 * report names the user's operator and exception.
 */
final class ChainedOperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operatorName;

    ChainedOperatorException(String operatorName, Throwable cause) {
        super("Operator '" + operatorName + "' failed", cause, false, false);
        this.operatorName = operatorName;
    }

    String getOperatorName() {
        return operatorName;
    }

    /** Wraps {@code t} unless it already names its operator. */
    static ChainedOperatorException wrap(String operatorName, Throwable t) {
        return t instanceof ChainedOperatorException c ? c : new ChainedOperatorException(operatorName, t);
    }
}
