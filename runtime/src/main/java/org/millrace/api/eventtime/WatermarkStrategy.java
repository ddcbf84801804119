package org.millrace.api.eventtime;

import java.io.Serializable;

/**
 * How a source assigns event-time timestamps and generates watermarks. Only
 * {@link #noWatermarks()} exists yet; event time arrives with windows.
 */
public interface WatermarkStrategy<T> extends Serializable {

    /** Records carry no timestamps and no watermarks are generated (processing time only). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return new WatermarkStrategy<T>() {
            private static final long serialVersionUID = 1L;
        };
    }
}
