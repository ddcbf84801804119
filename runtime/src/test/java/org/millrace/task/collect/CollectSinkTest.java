package org.millrace.task.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.ListAccumulator;
import org.millrace.api.sink.SinkWriter;
import org.millrace.api.sink.TestingWriterInitContext;
import org.millrace.api.source.TestingSerialization;
import org.millrace.api.source.TestingTypes;
import org.millrace.api.source.TestingTypes.Point;

class CollectSinkTest {

    @Test
    void when_subtasksCollect_then_mergedAccumulatorDecodesToAllRecords() throws Exception {
        CollectSink<Point> sink = TestingSerialization.roundTrip(new CollectSink<>(TestingTypes.POINT, "collect-1"));
        ListAccumulator<byte[]> merged = new ListAccumulator<>();
        List<Point> expected = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            TestingWriterInitContext context = new TestingWriterInitContext(subtask, 3);
            SinkWriter<Point> writer = sink.createWriter(context);
            // subtask 1 writes enough to fill several chunks
            int n = subtask == 1 ? 20_000 : 5;
            for (int i = 0; i < n; i++) {
                Point p = new Point(subtask, i, "label-" + i);
                writer.write(p, TestingWriterInitContext.NO_TIMESTAMP);
                expected.add(p);
            }
            writer.flush(true);
            writer.close();
            Accumulator<byte[], ArrayList<byte[]>> accumulator = context.getRuntimeContext().getAccumulator("collect-1");
            // what the task hands to the JobMaster, which merges the subtasks' values
            merged.merge(TestingSerialization.roundTrip(accumulator.clone()));
        }

        List<Point> collected = CollectSink.deserializeAccumulatorResult(merged.getLocalValue(), TestingTypes.POINT.createSerializer());

        assertThat(collected).isEqualTo(expected);
        assertThat(merged.getLocalValue()).hasSizeGreaterThan(3);
    }

    @Test
    void when_recordsWrittenBeforeFlush_then_inAccumulatorAfterFlush() throws Exception {
        TestingWriterInitContext context = new TestingWriterInitContext(0, 1);
        SinkWriter<String> writer = new CollectSink<>(TestingTypes.STRING, "acc").createWriter(context);
        writer.write("a", TestingWriterInitContext.NO_TIMESTAMP);
        Accumulator<byte[], ArrayList<byte[]>> accumulator = context.getRuntimeContext().getAccumulator("acc");
        assertThat(accumulator.getLocalValue()).isEmpty();

        writer.flush(false);
        writer.write("b", TestingWriterInitContext.NO_TIMESTAMP);
        writer.close();

        assertThat(CollectSink.deserializeAccumulatorResult(accumulator.getLocalValue(), TestingTypes.STRING.createSerializer()))
                .containsExactly("a", "b");
    }

    @Test
    void when_noResult_then_emptyList() throws Exception {
        assertThat(CollectSink.deserializeAccumulatorResult(null, TestingTypes.STRING.createSerializer())).isEmpty();
        assertThat(CollectSink.deserializeAccumulatorResult(List.of(), TestingTypes.STRING.createSerializer())).isEmpty();
    }
}
