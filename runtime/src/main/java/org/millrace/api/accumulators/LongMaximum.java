package org.millrace.api.accumulators;

/** Keeps the largest long added ({@code Long.MIN_VALUE} when nothing was). */
public final class LongMaximum implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;

    private long max = Long.MIN_VALUE;

    public LongMaximum() {}

    public LongMaximum(long value) {
        this.max = value;
    }

    public void add(long v) {
        max = Math.max(max, v);
    }

    @Override
    public void add(Long v) {
        add(v.longValue());
    }

    @Override
    public Long getLocalValue() {
        return max;
    }

    @Override
    public void resetLocal() {
        max = Long.MIN_VALUE;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        add(other.getLocalValue().longValue());
    }

    @Override
    public LongMaximum clone() {
        return new LongMaximum(max);
    }

    @Override
    public String toString() {
        return "LongMaximum " + max;
    }
}
