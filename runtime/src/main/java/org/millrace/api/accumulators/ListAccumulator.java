package org.millrace.api.accumulators;

import java.util.ArrayList;

/** Collects every value added, in order per subtask; merging appends. */
public final class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {
    private static final long serialVersionUID = 1L;

    private ArrayList<T> values = new ArrayList<>();

    @Override
    public void add(T value) {
        values.add(value);
    }

    @Override
    public ArrayList<T> getLocalValue() {
        return values;
    }

    @Override
    public void resetLocal() {
        values = new ArrayList<>();
    }

    @Override
    public void merge(Accumulator<T, ArrayList<T>> other) {
        values.addAll(other.getLocalValue());
    }

    @Override
    public ListAccumulator<T> clone() {
        ListAccumulator<T> c = new ListAccumulator<>();
        c.values = new ArrayList<>(values);
        return c;
    }
}
