package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.sink.DiscardingSink;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.typeinfo.Types;
import org.millrace.cluster.ClusterClient;
import org.millrace.cluster.Deployers;
import org.millrace.cluster.JobResult;
import org.millrace.configuration.Configuration;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobGraphGenerator;
import org.millrace.jobmaster.JobStatus;
import org.millrace.task.TaskFailureException;
import org.junit.jupiter.api.Test;

/**
 * Whole jobs on the embedded cluster: cancellation stops every task thread, and a job whose
 * function fails ends FAILED with the operator named while another job on the same cluster
 * finishes untouched.
 */
class JobLifecycleTest {

    private static JobGraph endless(StreamExecutionEnvironment env) {
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG), WatermarkStrategy.noWatermarks(), "endless")
                .keyBy(x -> x % 100)
                .reduce(Long::sum)
                .sinkTo(new DiscardingSink<>());
        return JobGraphGenerator.generate(env.getStreamGraph("endless"), JobID.generate(), new Configuration());
    }

    private static long taskThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("millrace-task ")).count();
    }

    @Test
    void cancelingARunningJobStopsAllItsTaskThreads() throws Exception {
        Configuration conf = new Configuration().setString("taskmanager.numberOfTaskSlots", "2");
        try (ClusterClient cluster = Deployers.forTarget("local", getClass().getClassLoader()).deploy(conf)) {
            JobGraph job = endless(StreamExecutionEnvironment.createLocalEnvironment(2));
            JobID id = cluster.submitJob(job).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.getJobStatus(id).get() == JobStatus.RUNNING);
            await().atMost(Duration.ofSeconds(30)).until(() -> taskThreads() == 4);

            cluster.cancel(id).get(30, TimeUnit.SECONDS);
            JobResult result = cluster.requestJobResult(id).get(30, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
            await().atMost(Duration.ofSeconds(30)).until(() -> taskThreads() == 0);
        }
    }

    @Test
    void aFailingJobFailsAloneAndNamesItsOperator() throws Exception {
        Configuration conf = new Configuration().setString("taskmanager.numberOfTaskSlots", "2");
        try (ClusterClient cluster = Deployers.forTarget("local", getClass().getClassLoader()).deploy(conf)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, 1000)
                    .map(x -> {
                        if (x == 500) {
                            throw new IllegalStateException("bad record " + x);
                        }
                        return x;
                    })
                    .name("Validate")
                    .sinkTo(new DiscardingSink<>());
            JobGraph failing = JobGraphGenerator.generate(env.getStreamGraph("failing"), JobID.generate(), new Configuration());
            JobID running = cluster.submitJob(endless(StreamExecutionEnvironment.createLocalEnvironment(1))).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.getJobStatus(running).get() == JobStatus.RUNNING);

            JobID failed = cluster.submitJob(failing).get();
            JobResult result = cluster.requestJobResult(failed).get(30, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(JobStatus.FAILED);
            assertThat(result.failureCause()).isInstanceOf(TaskFailureException.class)
                    .hasMessageContaining("Validate")
                    .hasMessageContaining("subtask 1/1")
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("bad record 500");
            assertThat(cluster.getJobStatus(running).get()).isEqualTo(JobStatus.RUNNING);
            cluster.cancel(running).get(30, TimeUnit.SECONDS);
            assertThat(cluster.requestJobResult(running).get(30, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.CANCELED);
        }
    }

    @Test
    void executeThrowsAJobExecutionExceptionCarryingTheTaskFailure() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 100).map(x -> 10 / (x - 50)).sinkTo(new DiscardingSink<>());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> env.execute("divide"));

        assertThat(thrown).isInstanceOf(JobExecutionException.class)
                .hasCauseInstanceOf(TaskFailureException.class)
                .hasRootCauseInstanceOf(ArithmeticException.class);
    }
}
