package org.millrace.types;

import org.millrace.api.typeinfo.InvalidTypesException;

/**
 * The {@link InvalidTypesException} of {@link TypeExtractor#extractOutputType}: the output type of
 * a function is unknown. Keeps the parts of its message, so that a caller that records the error
 * and raises it later can name the operator as it is called by then ({@code .name(...)} may
 * follow the operator): {@link #forOperator(String)}. Immutable.
 */
public class MissingOutputTypeException extends InvalidTypesException {

    private static final long serialVersionUID = 1L;

    private final String functionDescription;
    private final String reason;
    private final boolean lambda;

    MissingOutputTypeException(String operatorName, String functionDescription, String reason, boolean lambda,
            Throwable cause) {
        super(TypeExtractor.missingTypeMessage(operatorName, functionDescription, reason, lambda), cause);
        this.functionDescription = functionDescription;
        this.reason = reason;
        this.lambda = lambda;
    }

    /** The same error, naming the operator {@code operatorName}. */
    public MissingOutputTypeException forOperator(String operatorName) {
        return new MissingOutputTypeException(operatorName, functionDescription, reason, lambda, getCause());
    }

    /** Why the type is unknown, e.g. "the type parameter T0 of ...Tuple2 is unknown because Java erased it". */
    public String getReason() {
        return reason;
    }
}
