package org.millrace.rpc.netty;

import org.millrace.rpc.RpcException;

/**
 * A remote call failed with an exception this side could not rebuild (its class is unknown here or
 * it was not serializable): carries the remote class name, message and printed stack trace.
 */
public class RemoteRpcException extends RpcException {
    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final String remoteStackTrace;

    public RemoteRpcException(String remoteClassName, String message, String remoteStackTrace) {
        super(remoteClassName + (message == null ? "" : ": " + message));
        this.remoteClassName = remoteClassName;
        this.remoteStackTrace = remoteStackTrace;
    }

    public String getRemoteClassName() {
        return remoteClassName;
    }

    public String getRemoteStackTrace() {
        return remoteStackTrace;
    }
}
