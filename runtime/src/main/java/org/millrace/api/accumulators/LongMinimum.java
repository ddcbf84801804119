package org.millrace.api.accumulators;

/** Keeps the smallest long added ({@code Long.MAX_VALUE} when nothing was). */
public final class LongMinimum implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;

    private long min = Long.MAX_VALUE;

    public LongMinimum() {}

    public LongMinimum(long value) {
        this.min = value;
    }

    public void add(long v) {
        min = Math.min(min, v);
    }

    @Override
    public void add(Long v) {
        add(v.longValue());
    }

    @Override
    public Long getLocalValue() {
        return min;
    }

    @Override
    public void resetLocal() {
        min = Long.MAX_VALUE;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        add(other.getLocalValue().longValue());
    }

    @Override
    public LongMinimum clone() {
        return new LongMinimum(min);
    }

    @Override
    public String toString() {
        return "LongMinimum " + min;
    }
}
