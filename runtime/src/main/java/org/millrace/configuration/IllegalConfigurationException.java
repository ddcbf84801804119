package org.millrace.configuration;

/** A configuration value is malformed or out of range; the message names the key and the value. */
public class IllegalConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
