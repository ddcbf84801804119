package org.millrace.bench;

import java.util.Map;
import org.millrace.api.JobExecutionResult;
import org.millrace.api.StreamExecutionEnvironment;

/** One benchmark job: defines its pipeline on an environment, then checks the result's figures. */
interface BenchJob {

    /** Defines the pipeline over {@code records} input records. */
    void define(StreamExecutionEnvironment env, long records) throws Exception;

    /** Checks the result; puts the correctness figures and "ok" into {@code figures}. */
    void verify(JobExecutionResult result, long records, Map<String, String> figures) throws Exception;
}
