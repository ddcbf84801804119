package org.millrace.api;

import java.time.Duration;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.api.windowing.Window;
import org.millrace.api.windowing.WindowAssigner;
import org.millrace.graph.OneInputTransformation;
import org.millrace.graph.Transformation;
import org.millrace.task.operators.windowing.Contents;
import org.millrace.task.operators.windowing.WindowContents;
import org.millrace.task.operators.windowing.WindowOperator;
import org.millrace.types.TypeExtractor;

/**
 * A keyed stream cut into windows: choose how each window is computed (reduce, aggregate,
 * process), how late records may be, and where later ones go.
 */
public class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = assigner;
    }

    /** Keeps windows this long after their end, firing again for each late record (event time). */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative: " + lateness);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends records that arrive after their windows were dropped to a side output. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataTag = outputTag;
        return this;
    }

    /** A running reduce per window; emits the reduced value. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        TypeInformation<T> type = input.getType();
        return build("Window(" + assigner + ", Reduce)", Contents.<T, T, K, W>reduce(function, null, type), type);
    }

    /** A running reduce per window, handed to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> out = TypeExtractor.extractOutputType(function, ProcessWindowFunction.class, 1, input.getType(), "Window");
        return build("Window(" + assigner + ", Reduce, Process)", Contents.reduce(reduceFunction, function, input.getType()), out);
    }

    /** An incremental aggregate per window; emits its result. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<ACC> acc = accumulatorType(function);
        TypeInformation<R> out = TypeExtractor.extractOutputType(function, AggregateFunction.class, 2, input.getType(), "Window");
        return build("Window(" + assigner + ", Aggregate)", Contents.<T, ACC, R, R, K, W>aggregate(function, null, acc), out);
    }

    /** An incremental aggregate per window, whose result is handed to {@code windowFunction} when the window fires. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction, ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggregateFunction);
        TypeInformation<R> out = TypeExtractor.extractOutputType(windowFunction, ProcessWindowFunction.class, 1, null, "Window");
        return build("Window(" + assigner + ", Aggregate, Process)", Contents.aggregate(aggregateFunction, windowFunction, acc), out);
    }

    /** All records of a window, handed to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> out = TypeExtractor.extractOutputType(function, ProcessWindowFunction.class, 1, input.getType(), "Window");
        return build("Window(" + assigner + ", Process)", Contents.all(function, input.getType()), out);
    }

    private <ACC> TypeInformation<ACC> accumulatorType(AggregateFunction<T, ACC, ?> function) {
        try {
            return TypeExtractor.extractOutputType(function, AggregateFunction.class, 1, input.getType(), "Window");
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("The accumulator type of the window's AggregateFunction could not be determined"
                    + " (implement it as a class with concrete type arguments): " + e.getMessage(), e);
        }
    }

    private <ACC, R> SingleOutputStreamOperator<R> build(String name, WindowContents<T, ACC, R, K, W> contents, TypeInformation<R> outputType) {
        WindowOperator<K, T, ACC, R, W> operator = new WindowOperator<>(
                input.getKeySelector(), input.getKeyType(), assigner, contents, allowedLateness, lateDataTag);
        OneInputTransformation<T, R> t = new OneInputTransformation<>(
                input.getTransformation(), name, operator, outputType, Transformation.DEFAULT_PARALLELISM);
        return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), t);
    }
}
