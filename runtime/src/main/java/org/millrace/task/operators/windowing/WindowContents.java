package org.millrace.task.operators.windowing;

import java.io.Serializable;
import org.millrace.api.functions.ProcessWindowFunction;
import org.millrace.api.functions.RuntimeContext;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.Collector;
import org.millrace.api.windowing.Window;

/**
 * What a window keeps per key and window, and how it turns that into results: the running reduce
 * value, the aggregate's accumulator, or all records for a ProcessWindowFunction. Task thread only.
 *
 * @param <ACC> what is kept in window state
 */
public interface WindowContents<IN, ACC, OUT, K, W extends Window> extends Serializable {

    TypeInformation<ACC> accumulatorType();

    /** Folds {@code value} into {@code accumulator} (null for a new window); returns the new accumulator. */
    ACC add(ACC accumulator, IN value) throws Exception;

    /** Combines the contents of two merging (session) windows. */
    ACC merge(ACC a, ACC b) throws Exception;

    /** Emits the window's results. */
    void emit(K key, ProcessWindowFunction<?, OUT, K, W>.Context context, ACC accumulator, Collector<OUT> out) throws Exception;

    /** The function that needs the window's context to emit, or null (the context is then not built). */
    ProcessWindowFunction<?, OUT, K, W> windowFunction();

    void open(RuntimeContext runtimeContext) throws Exception;

    void close() throws Exception;
}
