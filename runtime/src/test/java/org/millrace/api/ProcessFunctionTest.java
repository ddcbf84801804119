package org.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.millrace.api.functions.ProcessFunction;
import org.millrace.api.sink.Sink;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.typeinfo.Types;
import org.millrace.api.util.Collector;
import org.millrace.api.util.OutputTag;
import org.junit.jupiter.api.Test;

/** ProcessFunction with a side output: main and side records reach their own consumers, chained or across the network. */
class ProcessFunctionTest {

    static final ConcurrentLinkedQueue<String> SIDE = new ConcurrentLinkedQueue<>();

    /** Collects into {@link #SIDE}. */
    static final class SideSink implements Sink<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<String> createWriter(org.millrace.api.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) {
                    SIDE.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    /** Evens times ten to the main output, odds as "odd-N" to the side output. */
    static final class SplitOddEven extends ProcessFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value * 10);
            } else {
                ctx.output(ODD, "odd-" + value);
            }
        }
    }

    /** Tries to register a timer. */
    static final class RegistersATimer extends ProcessFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(5);
        }
    }

    @Test
    void sideOutputsReachTheirConsumersAndMainRecordsTheirs() throws Exception {
        SIDE.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 1000)
                .process(new SplitOddEven());
        evens.getSideOutput(ODD).rebalance().map(s -> s.toUpperCase()).returns(Types.STRING).sinkTo(new SideSink());

        List<Long> main = evens.executeAndCollect(10_000);

        assertThat(main).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1000).filter(x -> x % 2 == 0).map(x -> x * 10).boxed().toList());
        assertThat(SIDE).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1000).filter(x -> x % 2 == 1).mapToObj(x -> "ODD-" + x).toList());
    }

    @Test
    void timersOnANonKeyedStreamAreRefusedWithFlinksMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 3)
                .process(new RegistersATimer())
                .returns(Types.LONG)
                .sinkTo(new org.millrace.api.sink.DiscardingSink<>());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> env.execute("timers"));

        assertThat(thrown).hasRootCauseMessage("Setting timers is only supported on a keyed stream.");
    }
}
