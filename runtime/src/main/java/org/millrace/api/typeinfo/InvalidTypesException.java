package org.millrace.api.typeinfo;

/**
 * Thrown when the type of a stream or a function's result cannot be determined or is not usable,
 * typically because Java erased the generic parameters of a lambda. The message names the
 * operator and says how to declare the type ({@code .returns(Types...)} or a {@link TypeHint}).
 * Thrown in the thread that builds the job.
 */
public class InvalidTypesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
