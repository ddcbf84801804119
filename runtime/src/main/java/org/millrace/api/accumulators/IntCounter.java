package org.millrace.api.accumulators;

/** Sums ints (wrapping on overflow). */
public final class IntCounter implements SimpleAccumulator<Integer> {
    private static final long serialVersionUID = 1L;

    private int value;

    public IntCounter() {}

    public IntCounter(int value) {
        this.value = value;
    }

    public void add(int v) {
        value += v;
    }

    @Override
    public void add(Integer v) {
        value += v;
    }

    @Override
    public Integer getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Integer, Integer> other) {
        value += other.getLocalValue();
    }

    @Override
    public IntCounter clone() {
        return new IntCounter(value);
    }

    @Override
    public String toString() {
        return "IntCounter " + value;
    }
}
