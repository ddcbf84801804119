package org.millrace.api;

import org.millrace.graph.Transformation;

/** A sink of the job, whose name, uid and parallelism can be set. */
public class DataStreamSink<T> {

    private final Transformation<Object> transformation;

    DataStreamSink(Transformation<Object> transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    public Transformation<Object> getTransformation() {
        return transformation;
    }
}
