package org.millrace.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.millrace.api.typeinfo.InvalidTypesException;
import org.millrace.api.typeinfo.TypeInformation;
import org.millrace.types.MissingOutputTypeException;

/**
 * A node of the logical plan the DataStream API builds: an operation with its inputs, name, uid,
 * parallelism and output type. {@link StreamGraphGenerator} turns the transformations reachable
 * from the sinks into a {@link StreamGraph}. Built and read by the client thread only.
 */
public abstract class Transformation<T> {

    /** Parallelism not set: the environment's default applies. */
    public static final int DEFAULT_PARALLELISM = -1;

    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    private final int id = ID_COUNTER.incrementAndGet();
    private String name;
    private String uid;
    private int parallelism;
    private int maxParallelism = DEFAULT_PARALLELISM;
    private TypeInformation<T> outputType;
    private RuntimeException missingTypeError;
    private boolean chainingDisabled;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.name = name;
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT_PARALLELISM) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    public boolean isChainingDisabled() {
        return chainingDisabled;
    }

    public void disableChaining() {
        this.chainingDisabled = true;
    }

    /** True once an output type is known (set, extracted, or hinted with {@code returns}). */
    public boolean hasOutputType() {
        return outputType != null;
    }

    /** The output type; throws the recorded extraction error, naming this operator, if it is unknown. */
    public TypeInformation<T> getOutputType() {
        if (outputType == null) {
            if (missingTypeError instanceof MissingOutputTypeException m) {
                throw m.forOperator(name); // the operator may have been renamed since
            }
            if (missingTypeError != null) {
                throw missingTypeError;
            }
            throw new InvalidTypesException("The output type of operator '" + name
                    + "' could not be determined. Give it with .returns(...), e.g. .returns(Types.TUPLE(Types.STRING, Types.LONG))");
        }
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
        this.missingTypeError = null;
    }

    /** Records why the output type is unknown; thrown only if the type is needed. */
    public void setMissingTypeError(RuntimeException error) {
        this.missingTypeError = error;
    }

    /** The direct inputs of this transformation. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}
