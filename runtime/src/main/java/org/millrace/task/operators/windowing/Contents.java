package org.millrace.task.operators.windowing;

import java.util.ArrayList;
import java.util.List;
import org.millrace.api.functions.AggregateFunction;
import org.millrace.api.functions.Function;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.functions.ReduceFunction;
import org.millrace.api.functions.RichFunction;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.windowing.Window;

/** The three kinds of {@link WindowContents}: reduce, aggregate, and keep-everything for a process function. */
public final class Contents {

    private Contents() {}

    private static final OpenContext OPEN = new OpenContext() {};

    private static void open(Function f, RuntimeContext rc) throws Exception {
        if (f instanceof RichFunction rich) {
            rich.setRuntimeContext(rc);
            rich.open(OPEN);
        }
    }

    private static void close(Function f) throws Exception {
        if (f instanceof RichFunction rich) {
            rich.close();
        }
    }

    /** A running reduce; emits the reduced value, or hands it to a process function. */
    public static <T, OUT, K, W extends Window> WindowContents<T, T, OUT, K, W> reduce(
            ReduceFunction<T> reducer, ProcessWindowFunction<T, OUT, K, W> function, TypeInformation<T> type) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public TypeInformation<T> accumulatorType() {
                return type;
            }

            @Override
            public T add(T acc, T value) throws Exception {
                return acc == null ? value : reducer.reduce(acc, value);
            }

            @Override
            public T merge(T a, T b) throws Exception {
                return reducer.reduce(a, b);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void emit(K key, ProcessWindowFunction<?, OUT, K, W>.Context ctx, T acc, Collector<OUT> out) throws Exception {
                if (function == null) {
                    ((Collector<T>) out).collect(acc);
                } else {
                    function.process(key, (ProcessWindowFunction<T, OUT, K, W>.Context) ctx, List.of(acc), out);
                }
            }

            @Override
            public ProcessWindowFunction<?, OUT, K, W> windowFunction() {
                return function;
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                Contents.open(reducer, rc);
                if (function != null) {
                    Contents.open(function, rc);
                }
            }

            @Override
            public void close() throws Exception {
                Contents.close(reducer);
                if (function != null) {
                    Contents.close(function);
                }
            }
        };
    }

    /** An incremental aggregate; emits its result, or hands it to a process function. */
    public static <T, ACC, R, OUT, K, W extends Window> WindowContents<T, ACC, OUT, K, W> aggregate(
            AggregateFunction<T, ACC, R> aggregate, ProcessWindowFunction<R, OUT, K, W> function, TypeInformation<ACC> accType) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public TypeInformation<ACC> accumulatorType() {
                return accType;
            }

            @Override
            public ACC add(ACC acc, T value) {
                return aggregate.add(value, acc == null ? aggregate.createAccumulator() : acc);
            }

            @Override
            public ACC merge(ACC a, ACC b) {
                return aggregate.merge(a, b);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void emit(K key, ProcessWindowFunction<?, OUT, K, W>.Context ctx, ACC acc, Collector<OUT> out) throws Exception {
                R result = aggregate.getResult(acc);
                if (function == null) {
                    ((Collector<R>) out).collect(result);
                } else {
                    function.process(key, (ProcessWindowFunction<R, OUT, K, W>.Context) ctx, List.of(result), out);
                }
            }

            @Override
            public ProcessWindowFunction<?, OUT, K, W> windowFunction() {
                return function;
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                Contents.open(aggregate, rc);
                if (function != null) {
                    Contents.open(function, rc);
                }
            }

            @Override
            public void close() throws Exception {
                Contents.close(aggregate);
                if (function != null) {
                    Contents.close(function);
                }
            }
        };
    }

    /** Keeps every record of the window for a process function. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, OUT, K, W extends Window> WindowContents<T, List<T>, OUT, K, W> all(
            ProcessWindowFunction<T, OUT, K, W> function, TypeInformation<T> type) {
        TypeInformation<List<T>> listType = (TypeInformation) Types.LIST(type);
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public TypeInformation<List<T>> accumulatorType() {
                return listType;
            }

            @Override
            public List<T> add(List<T> acc, T value) {
                List<T> list = acc == null ? new ArrayList<>() : acc;
                list.add(value);
                return list;
            }

            @Override
            public List<T> merge(List<T> a, List<T> b) {
                List<T> merged = new ArrayList<>(a);
                merged.addAll(b);
                return merged;
            }

            @Override
            public void emit(K key, ProcessWindowFunction<?, OUT, K, W>.Context ctx, List<T> acc, Collector<OUT> out) throws Exception {
                function.process(key, (ProcessWindowFunction<T, OUT, K, W>.Context) ctx, acc, out);
            }

            @Override
            public ProcessWindowFunction<?, OUT, K, W> windowFunction() {
                return function;
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                Contents.open(function, rc);
            }

            @Override
            public void close() throws Exception {
                Contents.close(function);
            }
        };
    }
}
