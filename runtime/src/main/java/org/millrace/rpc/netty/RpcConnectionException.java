package org.millrace.rpc.netty;

import org.millrace.rpc.RpcException;

/** A peer could not be reached: the connection was refused, timed out, or the host is unreachable. */
public class RpcConnectionException extends RpcException {
    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
