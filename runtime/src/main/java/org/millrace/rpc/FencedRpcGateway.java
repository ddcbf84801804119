package org.millrace.rpc;

import java.util.UUID;

/**
 * A gateway to a leader (Dispatcher, ResourceManager, JobMaster). Every call carries the fencing
 * token (leader session id) the gateway was connected with; the endpoint rejects the call with a
 * {@link FencingTokenException} unless the token is its current one, so a caller holding a gateway
 * of a former leader cannot change the new leader's state.
 */
public interface FencedRpcGateway extends RpcGateway {

    /** The leader session id this gateway's calls carry. */
    UUID getFencingToken();
}
