package org.millrace.rpc;

/** A call could not be delivered: the endpoint is unknown, stopped, or refused the call. */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
