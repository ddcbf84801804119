package org.millrace.cli;

/**
 * A failure the CLI reports as one line (its message) and an exit code; the cause, if any, goes to
 * the log file (and to the terminal with {@code --verbose}). Thrown and caught on the CLI's main thread.
 */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
