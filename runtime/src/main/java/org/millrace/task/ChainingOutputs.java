package org.millrace.task;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import org.millrace.task.operators.OneInputStreamOperator;
import org.millrace.task.operators.Output;

/**
 * Creates the {@link ChainingOutput} of each chain link as an instance of its own copy of the
 * class (a hidden class defined from ChainingOutput's bytecode). With one shared class, the call
 * {@code operator.processElement(...)} inside it would see every operator type of every chain in the
 * JVM and the JIT could not inline it; with a class per link each call site sees one operator type,
 * so a chain compiles into one straight piece of code. Thread-safe.
 */
final class ChainingOutputs {

    private static final byte[] TEMPLATE = loadTemplate();

    private ChainingOutputs() {}

    @SuppressWarnings("unchecked")
    static <T> Output<T> create(OneInputStreamOperator<T, ?> operator, String operatorName) {
        if (TEMPLATE == null) {
            return new ChainingOutput<>(operator, operatorName);
        }
        try {
            Class<?> copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true).lookupClass();
            Constructor<?> constructor = copy.getDeclaredConstructor(OneInputStreamOperator.class, String.class);
            return (Output<T>) constructor.newInstance(operator, operatorName);
        } catch (ReflectiveOperationException | LinkageError e) {
            // correctness does not depend on the copy, only speed does
            return new ChainingOutput<>(operator, operatorName);
        }
    }

    private static byte[] loadTemplate() {
        try (InputStream in = ChainingOutput.class.getResourceAsStream("ChainingOutput.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
