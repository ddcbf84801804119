package org.millrace.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.millrace.network.RecordWriter;
import org.millrace.task.operators.Output;

/** The end of a chain that leaves the task: serializes records into a result partition. Task thread only. */
final class RecordWriterOutput<T> implements Output<T> {

    private final RecordWriter<T> writer;

    RecordWriterOutput(RecordWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void collect(T record, long timestamp) {
        try {
            writer.emit(record, timestamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException(e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            writer.broadcastWatermark(watermark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException(e);
        }
    }
}
