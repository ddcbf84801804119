package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.millrace.api.eventtime.WatermarkStrategy;
import org.millrace.api.functions.KeyedProcessFunction;
import org.millrace.api.functions.TimeDomain;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.junit.jupiter.api.Test;

/** KeyedProcessFunction: event-time timers fire once per (key, time), with their key, when the watermark passes them. */
class KeyedProcessFunctionTest {

    /** For each record (event time = value), a timer at the next multiple of 100 for key value % 7. */
    static final class TimerPerBucket extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            assertThat(ctx.getCurrentKey()).isEqualTo(value % 7);
            assertThat(ctx.timestamp()).isEqualTo(value);
            ctx.timerService().registerEventTimeTimer((value / 100 + 1) * 100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.EVENT_TIME);
            assertThat(ctx.timerService().currentWatermark()).isGreaterThanOrEqualTo(timestamp);
            out.collect(ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    @Test
    void eventTimeTimersFireOncePerKeyAndTime() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> fired = env.fromSequence(0, 9_999)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v))
                .keyBy(v -> v % 7)
                .process(new TimerPerBucket())
                .returns(Types.STRING)
                .executeAndCollect(1_000_000);

        TreeSet<String> expected = new TreeSet<>();
        for (long v = 0; v < 10_000; v++) {
            expected.add((v % 7) + "@" + (v / 100 + 1) * 100);
        }
        assertThat(fired).hasSize(expected.size());
        assertThat(new TreeSet<>(fired)).isEqualTo(expected);
    }
}
