package org.millrace.api.functions;

/** Combines two values of the same type into one; applied as a running fold per key. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
