package org.millrace.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.millrace.network.api.CheckpointBarrier;

/** Alignment and tracking of checkpoint barriers over the channels of a task's input. */
class CheckpointBarrierHandlerTest {

    private final List<String> events = new ArrayList<>();
    private final Set<Integer> blocked = new TreeSet<>();
    private final CheckpointBarrierHandler.ChannelControl control = new CheckpointBarrierHandler.ChannelControl() {
        @Override
        public void blockChannel(int channel) {
            blocked.add(channel);
        }

        @Override
        public void resumeConsumption() {
            blocked.clear();
        }
    };
    private final CheckpointBarrierListener listener = new CheckpointBarrierListener() {
        @Override
        public void onBarrierAligned(CheckpointBarrier barrier) {
            events.add("aligned " + barrier.checkpointId());
        }

        @Override
        public void onAlignmentAborted(long checkpointId, String reason) {
            events.add("aborted " + checkpointId);
        }
    };

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, false, null);
    }

    @Test
    void exactlyOnceHoldsBackChannelsThatDeliveredTheBarrierUntilAllHave() throws Exception {
        CheckpointBarrierHandler aligner = CheckpointBarrierHandler.create(true, 3, listener);
        aligner.processBarrier(barrier(1), 0, control);
        aligner.processBarrier(barrier(1), 2, control);
        assertThat(blocked).containsExactly(0, 2);
        assertThat(events).isEmpty();

        aligner.processBarrier(barrier(1), 1, control);
        assertThat(blocked).isEmpty();
        assertThat(events).containsExactly("aligned 1");
    }

    @Test
    void aChannelThatEndsNoLongerHoldsTheAlignmentBack() throws Exception {
        CheckpointBarrierHandler aligner = CheckpointBarrierHandler.create(true, 2, listener);
        aligner.processBarrier(barrier(4), 0, control);
        assertThat(events).isEmpty();

        aligner.processEndOfPartition(1, control);
        assertThat(events).containsExactly("aligned 4");
        assertThat(blocked).isEmpty();

        // with one live channel left, the next barrier completes at once
        aligner.processBarrier(barrier(5), 0, control);
        assertThat(events).containsExactly("aligned 4", "aligned 5");
    }

    @Test
    void aNewerBarrierAbortsTheAlignmentOfAnOlderOneAndLateBarriersAreIgnored() throws Exception {
        CheckpointBarrierHandler aligner = CheckpointBarrierHandler.create(true, 2, listener);
        aligner.processBarrier(barrier(1), 0, control);
        // channel 1 skipped checkpoint 1 (its upstream declined it) and brings checkpoint 2
        aligner.processBarrier(barrier(2), 1, control);
        assertThat(events).containsExactly("aborted 1");
        assertThat(blocked).containsExactly(1);

        aligner.processBarrier(barrier(2), 0, control);
        assertThat(events).containsExactly("aborted 1", "aligned 2");
        aligner.processBarrier(barrier(1), 1, control); // stale
        assertThat(events).containsExactly("aborted 1", "aligned 2");
        assertThat(blocked).isEmpty();
    }

    @Test
    void atLeastOnceNeverBlocksAndSnapshotsWhenTheLastBarrierArrives() throws Exception {
        CheckpointBarrierHandler tracker = CheckpointBarrierHandler.create(false, 2, listener);
        tracker.processBarrier(barrier(1), 1, control);
        assertThat(blocked).isEmpty();
        assertThat(events).isEmpty();
        tracker.processBarrier(barrier(1), 0, control);
        assertThat(events).containsExactly("aligned 1");
    }
}
