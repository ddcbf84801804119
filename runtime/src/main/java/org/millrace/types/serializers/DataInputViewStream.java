package org.millrace.types.serializers;

import java.io.IOException;
import java.io.InputStream;
import org.millrace.api.typeutils.DataInputView;

/**
 * An {@link InputStream} that reads from whichever {@link DataInputView} it currently points at,
 * for Avro's decoders (see {@link DataOutputViewStream}). Reads never return fewer bytes than
 * asked: a short view fails with {@link java.io.EOFException}, because a record cut short is
 * corrupt, not a stream that ends. Owned by one serializer (one thread at a time).
 */
final class DataInputViewStream extends InputStream {

    DataInputView source;

    @Override
    public int read() throws IOException {
        return source.readUnsignedByte();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        source.readFully(b, off, len);
        return len;
    }

    @Override
    public long skip(long n) throws IOException {
        source.skipBytesToRead(Math.toIntExact(n));
        return n;
    }
}
