package org.millrace.api.source;

/** What a reader's {@link SourceReader#pollNext} found. */
public enum InputStatus {
    /** Emitted something and has more right away: call again. */
    MORE_AVAILABLE,
    /** Has nothing now: wait for {@link SourceReader#isAvailable()}. */
    NOTHING_AVAILABLE,
    /** All assigned splits are done and no more will come. */
    END_OF_INPUT
}
