package org.millrace.api.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.millrace.api.source.TestingReaderOutput;
import org.millrace.api.source.TestingReaders;
import org.millrace.api.source.TestingSerialization;
import org.millrace.api.source.TestingTypes;
import org.millrace.api.source.TestingTypes.Point;
import org.millrace.api.source.lib.FromElementsSource.ElementsReader;
import org.millrace.api.source.lib.FromElementsSource.FromElementsSplit;

class FromElementsSourceTest {

    private static List<Point> points(int n) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, -i, "p" + i));
        }
        return points;
    }

    @Test
    void when_nonSerializableElements_then_sourceTravelsAndReadsThemInOrder() throws Exception {
        List<Point> elements = points(10_000);
        FromElementsSource<Point> source = TestingSerialization.roundTrip(new FromElementsSource<>(TestingTypes.POINT, elements));

        List<FromElementsSplit> splits = source.createSplits(4);

        assertThat(splits).containsExactly(new FromElementsSplit("0", 0));
        assertThat(source.getProducedType()).isEqualTo(TestingTypes.POINT);
        assertThat(TestingReaders.readAll(TestingReaders.startedReader(source, 0, 1, splits))).isEqualTo(elements);
    }

    @Test
    void when_noElements_then_noSplit_andReaderEnds() throws Exception {
        FromElementsSource<String> source = new FromElementsSource<>(TestingTypes.STRING, List.of());
        assertThat(source.createSplits(1)).isEmpty();
        assertThat(TestingReaders.readAll(TestingReaders.startedReader(source, 0, 1, List.of()))).isEmpty();
    }

    @Test
    void when_nullElement_then_rejectedWithItsIndex() {
        assertThatThrownBy(() -> new FromElementsSource<>(TestingTypes.STRING, Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 1");
    }

    @Test
    void when_snapshotBetweenPolls_then_restoredReaderEmitsExactlyTheRest() throws Exception {
        List<Point> elements = points(23);
        FromElementsSource<Point> source = new FromElementsSource<>(TestingTypes.POINT, elements);
        for (int polls = 0; polls <= 6; polls++) {
            ElementsReader<Point> reader = source.createReader(5);
            reader.addSplits(source.createSplits(1));
            TestingReaderOutput<Point> before = new TestingReaderOutput<>();
            for (int i = 0; i < polls; i++) {
                reader.pollNext(before);
            }

            List<FromElementsSplit> snapshot = reader.snapshotState(polls);
            ElementsReader<Point> restored = source.createReader(4);
            restored.addSplits(snapshot);
            List<Point> rest = TestingReaders.readAll(restored);

            assertThat(snapshot).hasSize(polls < 5 ? 1 : 0);
            List<Point> whole = new ArrayList<>(before.records);
            whole.addAll(rest);
            assertThat(whole).as("after %s polls", polls).isEqualTo(elements);
        }
    }
}
