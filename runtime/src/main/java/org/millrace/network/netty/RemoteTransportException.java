package org.millrace.network.netty;

import java.io.IOException;

/**
 * A failure reported by, or of the connection to, another TaskManager's data plane: an error the
 * producer sent, a broken connection, or a protocol violation. Reaches the consuming task as the
 * cause of its input's failure.
 */
public class RemoteTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    public RemoteTransportException(String message) {
        super(message);
    }

    public RemoteTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
