package org.millrace.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.millrace.configuration.ExecutionOptions;
import org.millrace.configuration.KeyValueLists;

/**
 * The execution settings of a {@link StreamExecutionEnvironment}, with Flink's names
 * ({@code env.getConfig()}). It is a view of the environment: each setter writes the environment's
 * configuration key ({@code pipeline.auto-watermark-interval}, {@code pipeline.object-reuse},
 * {@code pipeline.global-job-parameters}) or its max parallelism, so the setting applies to jobs
 * executed afterwards, and a {@code -D} given at launch shows through the getters.
 *
 * <p>Used by the thread that builds the job, like the environment.
 */
public final class ExecutionConfig {

    private final StreamExecutionEnvironment environment;
    /** The object given to {@link #setGlobalJobParameters}, returned as is on this side; tasks see its map. */
    private GlobalJobParameters globalJobParameters;

    ExecutionConfig(StreamExecutionEnvironment environment) {
        this.environment = environment;
    }

    // ------------------------------------------------------------------ watermarks

    /**
     * How often sources with a watermark strategy emit periodic watermarks, in milliseconds; 0
     * disables periodic watermarks ({@code pipeline.auto-watermark-interval}).
     */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must not be negative, got " + interval);
        }
        environment.getConfiguration().set(ExecutionOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(interval));
        return this;
    }

    public long getAutoWatermarkInterval() {
        return environment.getConfiguration().get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    // ------------------------------------------------------------------ object reuse

    /**
     * Records that the job allows object reuse ({@code pipeline.object-reuse}). Only a recorded flag:
     * Millrace's chained operators always hand records on without copying, so a function must not
     * change a record after emitting it, whether or not this is set. Functions can read the flag with
     * {@code getRuntimeContext().isObjectReuseEnabled()}.
     */
    public ExecutionConfig enableObjectReuse() {
        environment.getConfiguration().set(ExecutionOptions.OBJECT_REUSE, true);
        return this;
    }

    /** Clears the recorded object-reuse flag; see {@link #enableObjectReuse()}. */
    public ExecutionConfig disableObjectReuse() {
        environment.getConfiguration().set(ExecutionOptions.OBJECT_REUSE, false);
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return environment.getConfiguration().get(ExecutionOptions.OBJECT_REUSE);
    }

    // ------------------------------------------------------------------ parallelism

    /** The environment's default parallelism; see {@link StreamExecutionEnvironment#setParallelism}. */
    public ExecutionConfig setParallelism(int parallelism) {
        environment.setParallelism(parallelism);
        return this;
    }

    public int getParallelism() {
        return environment.getParallelism();
    }

    /** The number of key groups of keyed state; see {@link StreamExecutionEnvironment#setMaxParallelism}. */
    public ExecutionConfig setMaxParallelism(int maxParallelism) {
        environment.setMaxParallelism(maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return environment.getMaxParallelism();
    }

    // ------------------------------------------------------------------ global job parameters

    /**
     * Parameters every function of the job can read: their {@link GlobalJobParameters#toMap()} is
     * written to {@code pipeline.global-job-parameters} (replacing what was there) and functions get
     * that map from {@code getRuntimeContext().getGlobalJobParameters()}, as in Flink 2.
     */
    public void setGlobalJobParameters(GlobalJobParameters parameters) {
        if (parameters == null) {
            throw new NullPointerException("The global job parameters must not be null");
        }
        globalJobParameters = parameters;
        environment.getConfiguration().setString(ExecutionOptions.GLOBAL_JOB_PARAMETERS.key(),
                KeyValueLists.format(parameters.toMap()));
    }

    /**
     * The object last given to {@link #setGlobalJobParameters}; else the parameters of the
     * configuration ({@code -Dpipeline.global-job-parameters=...}), or none.
     */
    public GlobalJobParameters getGlobalJobParameters() {
        if (globalJobParameters != null) {
            return globalJobParameters;
        }
        String text = environment.getConfiguration().getString(ExecutionOptions.GLOBAL_JOB_PARAMETERS.key(), null);
        Map<String, String> map = KeyValueLists.parse(text);
        return new GlobalJobParameters() {
            private static final long serialVersionUID = 1L;

            @Override
            public Map<String, String> toMap() {
                return map;
            }
        };
    }

    /**
     * Base of the objects that can be registered as global job parameters: a subclass says in
     * {@link #toMap()} what functions see. This base has none. Immutable once registered; any thread.
     */
    public static class GlobalJobParameters implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The parameters as strings: what functions get from {@code getGlobalJobParameters()}. */
        public Map<String, String> toMap() {
            return Collections.emptyMap();
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof GlobalJobParameters other && other.getClass() == getClass() && toMap().equals(other.toMap());
        }

        @Override
        public int hashCode() {
            return toMap().hashCode();
        }
    }
}
