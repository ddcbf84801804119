package org.millrace.task.operators;

/**
 * Wall-clock timers for operators. Callbacks run on the task's thread, between records (through
 * the task's mailbox), so they may touch operator state without locks.
 */
public interface ProcessingTimeService {

    long getCurrentProcessingTime();

    /** Calls {@code callback} once, at (or soon after) {@code timestampMillis}. */
    Cancellable registerTimer(long timestampMillis, ProcessingTimeCallback callback);

    /** Calls {@code callback} every {@code periodMillis}, first after {@code initialDelayMillis}. */
    Cancellable scheduleAtFixedRate(ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

    /** A timer's handle. */
    interface Cancellable {
        void cancel();
    }

    /** What a timer calls, with the time it was due. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }
}
