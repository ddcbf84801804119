package org.millrace.api.eventtime;

import java.time.Duration;

/**
 * How a source assigns event-time timestamps and generates watermarks: a factory of a
 * {@link TimestampAssigner} and a {@link WatermarkGenerator} per source subtask. Travels in the job
 * graph, hence serializable.
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    /** A new generator for one source subtask. */
    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** A new assigner for one source subtask; by default the timestamp the source attached. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** A strategy whose watermarks come from the given generators. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        return generatorSupplier::createWatermarkGenerator;
    }

    /** Records carry no timestamps and no watermarks are generated (processing time only). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return new NoWatermarks<>();
    }

    /** Timestamps only increase: watermark = largest timestamp seen - 1. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /** Records may arrive up to {@code maxOutOfOrderness} late: watermark = largest timestamp seen - bound - 1. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return new BoundedOutOfOrdernessStrategy<>(maxOutOfOrderness);
    }

    /** This strategy with timestamps taken from each record by {@code assigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return assigner;
            }

            @Override
            public boolean generatesWatermarks() {
                return base.generatesWatermarks();
            }
        };
    }

    /** This strategy, marking a source subtask idle after {@code idleTimeout} without records. */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }

            @Override
            public boolean generatesWatermarks() {
                return base.generatesWatermarks();
            }
        };
    }

    /** False only for {@link #noWatermarks()}: the source then skips timestamp work entirely. */
    default boolean generatesWatermarks() {
        return true;
    }

    /** The strategy of {@link #noWatermarks()}. */
    final class NoWatermarks<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new WatermarkGenerator<>() {
                @Override
                public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

                @Override
                public void onPeriodicEmit(WatermarkOutput output) {}
            };
        }

        @Override
        public boolean generatesWatermarks() {
            return false;
        }
    }

    /** The strategy of {@link #forBoundedOutOfOrderness}. */
    final class BoundedOutOfOrdernessStrategy<T> implements WatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final Duration maxOutOfOrderness;

        BoundedOutOfOrdernessStrategy(Duration maxOutOfOrderness) {
            this.maxOutOfOrderness = maxOutOfOrderness;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
        }
    }
}
