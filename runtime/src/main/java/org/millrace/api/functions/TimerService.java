package org.millrace.api.functions;

/**
 * Time and timers as a function sees them: the current processing time and watermark, and timers
 * that call {@code onTimer}. Timers exist only on keyed streams (they are scoped to the current key).
 */
public interface TimerService {

    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed stream.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed stream.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
