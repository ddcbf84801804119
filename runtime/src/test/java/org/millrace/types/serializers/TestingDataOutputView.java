package org.millrace.types.serializers;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;
import org.millrace.api.typeutils.DataOutputView;

/** A plain stream-backed output view, to exercise the serializers' generic (non-fast) paths. */
public final class TestingDataOutputView extends DataOutputStream implements DataOutputView {

    private final ByteArrayOutputStream bytes;

    public TestingDataOutputView() {
        this(new ByteArrayOutputStream());
    }

    private TestingDataOutputView(ByteArrayOutputStream bytes) {
        super(bytes);
        this.bytes = bytes;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        byte[] copy = new byte[numBytes];
        source.readFully(copy);
        write(copy);
    }
}
