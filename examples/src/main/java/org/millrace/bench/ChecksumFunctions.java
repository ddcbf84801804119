package org.millrace.bench;

import java.util.HashMap;
import org.millrace.api.accumulators.Accumulator;
import org.millrace.api.accumulators.LongCounter;
import org.millrace.api.accumulators.LongMaximum;
import org.millrace.api.functions.OpenContext;
import org.millrace.api.functions.RichFlatMapFunction;
import org.millrace.api.tuple.Tuple2;
import org.millrace.api.util.Collector;

/** The checksum "sinks" of the benchmark jobs: chained flatMaps that fold what reaches them into accumulators. */
final class ChecksumFunctions {

    private ChecksumFunctions() {}

    /** Counts and sums (wrapping) longs. */
    static final class LongChecksum extends RichFlatMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter count;
        private transient LongCounter sum;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getLongCounter("count");
            sum = getRuntimeContext().getLongCounter("sum");
        }

        @Override
        public void flatMap(Long v, Collector<Long> out) {
            count.add(1L);
            sum.add(v.longValue());
        }
    }

    /** Count, sum and max of the running sums a keyed count emits. */
    static final class RunningSumChecksum extends RichFlatMapFunction<Tuple2<String, Long>, Long> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter count;
        private transient LongCounter sum;
        private transient LongMaximum max;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getLongCounter("count");
            sum = getRuntimeContext().getLongCounter("sum");
            max = new LongMaximum();
            getRuntimeContext().addAccumulator("max", max);
        }

        @Override
        public void flatMap(Tuple2<String, Long> v, Collector<Long> out) {
            count.add(1L);
            sum.add(v.f1.longValue());
            max.add(v.f1.longValue());
        }
    }

    /** Keeps the largest running count per word and the number of updates. */
    static final class FinalCounts extends RichFlatMapFunction<Tuple2<String, Long>, Long> {
        private static final long serialVersionUID = 1L;
        private transient MaxPerKey counts;
        private transient LongCounter updates;

        @Override
        public void open(OpenContext ctx) {
            counts = new MaxPerKey();
            getRuntimeContext().addAccumulator("final_counts", counts);
            updates = getRuntimeContext().getLongCounter("updates");
        }

        @Override
        public void flatMap(Tuple2<String, Long> v, Collector<Long> out) {
            updates.add(1L);
            counts.put(v.f0, v.f1);
        }
    }

    /** The largest value per key, merged by maximum. */
    static final class MaxPerKey implements Accumulator<Tuple2<String, Long>, HashMap<String, Long>> {
        private static final long serialVersionUID = 1L;
        private HashMap<String, Long> map = new HashMap<>();

        void put(String key, long value) {
            map.merge(key, value, Math::max);
        }

        @Override
        public void add(Tuple2<String, Long> value) {
            put(value.f0, value.f1);
        }

        @Override
        public HashMap<String, Long> getLocalValue() {
            return map;
        }

        @Override
        public void resetLocal() {
            map = new HashMap<>();
        }

        @Override
        public void merge(Accumulator<Tuple2<String, Long>, HashMap<String, Long>> other) {
            other.getLocalValue().forEach(this::put);
        }

        @Override
        public MaxPerKey clone() {
            MaxPerKey c = new MaxPerKey();
            c.map = new HashMap<>(map);
            return c;
        }
    }
}
