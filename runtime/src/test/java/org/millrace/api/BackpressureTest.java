package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.source.lib.DataGeneratorSource;
import org.millrace.api.typeinfo.Types;
import org.millrace.cluster.ClusterClient;
import org.millrace.cluster.Deployers;
import org.millrace.configuration.Configuration;
import org.millrace.graph.JobGraph;
import org.millrace.graph.JobGraphGenerator;
import org.millrace.jobmaster.JobStatus;
import org.millrace.task.TaskIOReport;
import org.junit.jupiter.api.Test;

/**
 * A sink that sleeps per record slows an unbounded source down to its pace: the source never gets
 * further ahead than the records that fit in the bounded network buffers between them.
 */
class BackpressureTest {

    static final AtomicLong EMITTED = new AtomicLong();
    static final AtomicLong CONSUMED = new AtomicLong();

    private static final int SEGMENT_SIZE = 4096;

    /** Sleeps a millisecond per record. */
    static final class SlowSink implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Long> createWriter(org.millrace.api.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) throws InterruptedException {
                    // the workload under test (issue 4: "a sink that sleeps per record"), not a wait for a condition
                    Thread.sleep(1);
                    CONSUMED.incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void aSlowSinkBoundsHowFarTheSourceRunsAhead() throws Exception {
        Configuration conf = new Configuration()
                .setString("taskmanager.numberOfTaskSlots", "1")
                .setString("taskmanager.memory.segment-size", SEGMENT_SIZE + " b");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.fromSource(new DataGeneratorSource<>(i -> {
                    EMITTED.incrementAndGet();
                    return i;
                }, Long.MAX_VALUE, Types.LONG), WatermarkStrategy.noWatermarks(), "fast source")
                .rebalance() // a network edge between the two tasks
                .sinkTo(new SlowSink());
        JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("backpressure"), JobID.generate(), conf);
        // what can be in flight: the producer partition's buffers (2 per channel + 8 floating), the one
        // being filled, and the one being read, each holding records of at least 9 bytes (tag, length, long)
        long bound = 12L * SEGMENT_SIZE / 9;

        try (ClusterClient cluster = Deployers.forTarget("local", getClass().getClassLoader()).deploy(conf)) {
            JobID id = cluster.submitJob(job).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> CONSUMED.get() >= 1500);
            long maxLead = 0;
            for (int sample = 0; sample < 20; sample++) {
                long consumed = CONSUMED.get();
                long emitted = EMITTED.get(); // read second: the lead can only look larger
                maxLead = Math.max(maxLead, emitted - consumed);
                Thread.onSpinWait();
            }

            assertThat(maxLead).isBetween(1L, bound);
            // the JobMaster sees the source mostly waiting for buffers and the sleeping sink mostly busy
            List<TaskIOReport> io = cluster.requestTaskIOMetrics(id).get(30, TimeUnit.SECONDS);
            assertThat(io).hasSize(2);
            TaskIOReport source = io.stream().filter(r -> r.taskNameWithSubtask().startsWith("fast source")).findFirst().orElseThrow();
            TaskIOReport sink = io.stream().filter(r -> r.taskNameWithSubtask().startsWith("Sink")).findFirst().orElseThrow();
            assertThat(source.io().backPressuredRatio()).isGreaterThan(0.5);
            assertThat(sink.io().busyRatio()).isGreaterThan(0.5);
            assertThat(sink.io().backPressuredRatio()).isLessThan(0.1);
            assertThat(cluster.getJobStatus(id).get()).isEqualTo(JobStatus.RUNNING);
            cluster.cancel(id).get(30, TimeUnit.SECONDS);
        }
    }
}
