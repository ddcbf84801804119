package org.millrace.api.sink;

import java.io.IOException;
import java.io.Serializable;

/** The end of a pipeline: creates one {@link SinkWriter} per parallel instance. */
public interface Sink<T> extends Serializable {

    SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
