package org.millrace.types.serializers;

import java.io.IOException;
import java.io.OutputStream;
import org.millrace.api.typeutils.DataOutputView;

/**
 * An {@link OutputStream} that writes to whichever {@link DataOutputView} it currently points
 * at: Avro's encoders need a stream, and re-pointing one adapter per record avoids creating a
 * stream per record. Owned by the serializer that created it (one thread at a time).
 */
final class DataOutputViewStream extends OutputStream {

    DataOutputView target;

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }
}
