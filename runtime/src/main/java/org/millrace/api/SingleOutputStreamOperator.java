package org.millrace.api;

import org.millrace.api.typeinfo.TypeHint;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.api.util.OutputTag;
import org.millrace.graph.SideOutputTransformation;
import org.millrace.graph.Transformation;

/** The stream produced by one operator, whose name, uid, parallelism and type can be set. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public String getName() {
        return transformation.getName();
    }

    /** A stable id of the operator, used to match its state when a savepoint is restored. */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Runs this operator in its own task, not chained to its neighbours. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    /** The records this operator emitted to the side output {@code sideOutputTag}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }

    /** Declares the output type where it cannot be extracted (lambdas returning generic types). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeInformation.of(typeClass));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(TypeInformation.of(typeHint));
    }
}
