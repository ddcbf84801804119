package org.millrace.api.functions;

import org.millrace.api.util.Collector;

/** Transforms one record into zero, one or more records. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
