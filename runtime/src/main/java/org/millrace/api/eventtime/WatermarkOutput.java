package org.millrace.api.eventtime;

/** Where a {@link WatermarkGenerator} emits. Called from the source task's thread. */
public interface WatermarkOutput {

    /** Emits a watermark; one that does not advance event time is ignored. */
    void emitWatermark(Watermark watermark);

    /** This output has no data for now: downstream should not wait for its watermarks. */
    void markIdle();

    /** This output has data again. */
    void markActive();
}
