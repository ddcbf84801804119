package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.millrace.api.functions.RichMapFunction;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.client.ExecutionContext;
import org.millrace.configuration.Configuration;
import org.millrace.jobmaster.JobStatus;
import org.millrace.task.TaskFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Restart strategies: a job whose function fails in its first attempts restarts and finishes; one that keeps failing fails. */
class RestartStrategyTest {

    /** Throws at value 500 in every attempt below {@code healthyFromAttempt}; counts what it saw. */
    static final class FailsInEarlyAttempts extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int healthyFromAttempt;

        FailsInEarlyAttempts(int healthyFromAttempt) {
            this.healthyFromAttempt = healthyFromAttempt;
        }

        @Override
        public Long map(Long value) {
            if (value == 500 && getRuntimeContext().getTaskInfo().getAttemptNumber() < healthyFromAttempt) {
                throw new IllegalStateException("failing in attempt " + getRuntimeContext().getTaskInfo().getAttemptNumber());
            }
            getRuntimeContext().getLongCounter("seen").add(1L);
            return value;
        }
    }

    private final List<JobStatus> statuses = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void clear() {
        ExecutionContext.install(null);
    }

    private StreamExecutionEnvironment env(String attempts) {
        Configuration conf = new Configuration()
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", attempts)
                .setString("restart-strategy.fixed-delay.delay", "10 ms")
                // the job has no shuffle, so region failover would restart each subtask alone (without RESTARTING)
                .setString("jobmanager.execution.failover-strategy", "full")
                .setString("parallelism.default", "2");
        ExecutionContext.install(new ExecutionContext(conf, List.of(), null, (id, status, ts, cause) -> statuses.add(status)));
        return StreamExecutionEnvironment.getExecutionEnvironment();
    }

    @Test
    void aJobThatFailsTwiceRestartsAndFinishesWithTheLastAttemptsCounts() throws Exception {
        StreamExecutionEnvironment env = env("3");
        env.fromSequence(1, 1000).map(new FailsInEarlyAttempts(2)).sinkTo(new DiscardingSink<>());

        JobExecutionResult result = env.execute("restarting");

        assertThat(result.<Long>getAccumulatorResult("seen")).isEqualTo(1000L);
        assertThat(statuses).containsSubsequence(JobStatus.RUNNING, JobStatus.RESTARTING, JobStatus.RUNNING,
                JobStatus.RESTARTING, JobStatus.RUNNING, JobStatus.FINISHED);
        assertThat(statuses).filteredOn(s -> s == JobStatus.RESTARTING).hasSize(2);
    }

    @Test
    void aJobThatKeepsFailingFailsWhenTheAttemptsAreUsedUp() {
        StreamExecutionEnvironment env = env("2");
        env.fromSequence(1, 1000).map(new FailsInEarlyAttempts(Integer.MAX_VALUE)).sinkTo(new DiscardingSink<>());

        Throwable thrown = catchThrowable(() -> env.execute("hopeless"));

        assertThat(thrown).isInstanceOf(JobExecutionException.class).hasCauseInstanceOf(TaskFailureException.class)
                .hasRootCauseMessage("failing in attempt 2");
        assertThat(statuses).filteredOn(s -> s == JobStatus.RESTARTING).hasSize(2);
        assertThat(statuses).last().isEqualTo(JobStatus.FAILED);
    }
}
