package org.millrace.rpc;

import java.util.UUID;

/**
 * An endpoint that serves calls only while it is leader: the gateway calls carry a fencing token
 * (leader session id), checked on the main thread against {@link #getFencingToken()}. A token of
 * null means "not leader" and rejects every fenced call.
 */
public abstract class FencedRpcEndpoint extends RpcEndpoint {

    /** Written by the main thread only; volatile so that diagnostics on other threads see it. */
    private volatile UUID fencingToken;

    protected FencedRpcEndpoint(RpcService rpcService, String endpointId, UUID initialFencingToken) {
        super(rpcService, endpointId);
        this.fencingToken = initialFencingToken;
    }

    /** The current leader session id, or null while not leader. */
    public UUID getFencingToken() {
        return fencingToken;
    }

    /** Main thread only: takes on (or, with null, gives up) a leader session. */
    protected final void setFencingToken(UUID newToken) {
        validateRunsInMainThread();
        this.fencingToken = newToken;
    }

    @Override
    UUID selfFencingToken() {
        return fencingToken;
    }
}
