package org.millrace.api;

import org.millrace.api.functions.Function;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.types.TypeExtractor;
import org.millrace.graph.Transformation;

/**
 * Determines the output type of a user function for the DataStream API. When it cannot (type
 * erasure in lambdas), the transformation records why, and the error, naming the operator, is
 * raised only if the type is actually needed.
 */
final class OutputTypes {

    private OutputTypes() {}

    /**
     * Sets {@code target}'s output type from {@code function}'s signature.
     *
     * @param functionInterface the function interface (MapFunction.class...)
     * @param outputIndex the position of the output type among the interface's type parameters
     */
    static <O> void extract(
            Function function, Class<?> functionInterface, int outputIndex, TypeInformation<?> inputType, Transformation<O> target) {
        try {
            TypeInformation<O> type = TypeExtractor.extractOutputType(
                    function, functionInterface, outputIndex, inputType, target.getName());
            target.setOutputType(type);
        } catch (InvalidTypesException e) {
            // keep going: .returns(...) may follow; the error surfaces where the type is needed
            target.setMissingTypeError(e);
        }
    }
}
