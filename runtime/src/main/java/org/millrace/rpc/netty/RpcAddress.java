package org.millrace.rpc.netty;

import org.millrace.rpc.RpcException;

/** An endpoint's network address, {@code host:port/endpointId}. Immutable. */
record RpcAddress(String host, int port, String endpointId) {

    static RpcAddress parse(String address) {
        int slash = address.indexOf('/');
        int colon = slash < 0 ? -1 : address.lastIndexOf(':', slash);
        if (colon <= 0 || slash == address.length() - 1) {
            throw new RpcException("Not an RPC address (host:port/endpointId): " + address);
        }
        try {
            return new RpcAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1, slash)), address.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new RpcException("Not an RPC address (host:port/endpointId): " + address);
        }
    }

    /** The {@code host:port} of the service hosting the endpoint: the key of its connection. */
    String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return hostPort() + "/" + endpointId;
    }
}
