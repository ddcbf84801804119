package org.millrace.api.source;

import java.io.Serializable;

/**
 * A unit of a source's input (a range of a sequence, part of a file) with its current position.
 * Splits are immutable values: a reader's {@link SourceReader#snapshotState} returns new splits
 * describing the work that remains, which is how a restored source rewinds.
 */
public interface SourceSplit extends Serializable {

    /** Identifies the split within its source (stable across snapshots). */
    String splitId();
}
