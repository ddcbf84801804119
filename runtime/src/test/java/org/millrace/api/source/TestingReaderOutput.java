package org.millrace.api.source;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader emits, for tests. */
public final class TestingReaderOutput<T> implements ReaderOutput<T> {

    public final List<T> records = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }
}
