package org.millrace.bench;

import java.nio.file.Path;
import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;
import org.millrace.configuration.Configuration;

/**
 * One benchmark job: sets its configuration, defines its pipeline on an environment, then checks the
 * result's figures. Used by the thread that runs the benchmark, one run at a time.
 */
interface BenchJob {

    /**
     * Adds what the job needs to the configuration its environment and cluster are built from; called
     * before every run. {@code scratchDir} is a fresh empty directory for the run's files (checkpoints),
     * deleted after the run.
     */
    default void configure(Configuration conf, Path scratchDir) {}

    /** Defines the pipeline over {@code records} input records. */
    void define(StreamExecutionEnvironment env, long records) throws Exception;

    /** Checks the result; puts the correctness figures and "ok" into {@code figures}. */
    void verify(JobExecutionResult result, long records, Map<String, String> figures) throws Exception;
}
