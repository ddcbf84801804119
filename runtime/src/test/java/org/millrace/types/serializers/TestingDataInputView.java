package org.millrace.types.serializers;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.millrace.api.typeutils.DataInputView;

/** A plain stream-backed input view, to exercise the serializers' generic (non-fast) paths. */
public final class TestingDataInputView extends DataInputStream implements DataInputView {

    public TestingDataInputView(byte[] bytes) {
        super(new ByteArrayInputStream(bytes));
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        readFully(new byte[numBytes]);
    }
}
