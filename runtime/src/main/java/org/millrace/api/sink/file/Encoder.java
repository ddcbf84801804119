package org.millrace.api.sink.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Turns one record into bytes of a row-format part file ({@link FileSink#forRowFormat}). Called
 * only from the sink task's thread, once per record: implementations should not allocate per
 * record beyond what the record itself needs.
 *
 * @param <IN> the records encoded
 */
public interface Encoder<IN> extends Serializable {

    /**
     * Writes {@code element} to {@code stream}, including any record delimiter. The stream is
     * buffered and belongs to the sink: do not close or flush it (closing does nothing; the sink
     * closes and syncs part files itself at checkpoints).
     */
    void encode(IN element, OutputStream stream) throws IOException;
}
