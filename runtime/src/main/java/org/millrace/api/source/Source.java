package org.millrace.api.source;

import java.io.Serializable;
import java.util.List;

/**
 * A parallel source: splits its input into {@link SourceSplit}s and reads them with one
 * {@link SourceReader} per parallel instance. The splits are created once, when the job is
 * scheduled, and assigned to the instances round-robin.
 *
 * @param <T> the records it produces
 * @param <SplitT> its split type
 */
public interface Source<T, SplitT extends SourceSplit> extends Serializable {

    /** Divides the input into splits for {@code parallelism} readers (at least one split per reader is not required). */
    List<SplitT> createSplits(int parallelism) throws Exception;

    SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;

    default Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }
}
