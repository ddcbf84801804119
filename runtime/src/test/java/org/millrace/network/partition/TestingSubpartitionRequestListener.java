package org.millrace.network.partition;

import java.util.ArrayList;
import java.util.List;

/** Records what a subpartition request hears, for tests (single test thread). */
final class TestingSubpartitionRequestListener implements SubpartitionRequestListener {

    final List<ResultSubpartitionView> createdViews = new ArrayList<>();
    final List<ResultSubpartitionView> notifiedViews = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();

    @Override
    public void onSubpartitionViewCreated(ResultSubpartitionView view) {
        createdViews.add(view);
    }

    @Override
    public void onPartitionRequestFailed(Throwable cause) {
        failures.add(cause);
    }

    @Override
    public void notifyDataAvailable(ResultSubpartitionView view) {
        notifiedViews.add(view);
    }
}
