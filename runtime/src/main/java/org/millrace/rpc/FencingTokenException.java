package org.millrace.rpc;

/** A call to a leader carried a fencing token other than the leader's current one (or the endpoint is not leader). */
public class FencingTokenException extends RpcException {
    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }
}
