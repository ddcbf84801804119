package org.millrace.configuration;

import java.time.Duration;

/** The control-plane RPC. Constants; any thread. */
public final class RpcOptions {

    private RpcOptions() {}

    public static final ConfigOption<Duration> RPC_TIMEOUT = ConfigOptions.key("rpc.timeout")
            .durationType()
            .checking(d -> !d.isZero(), "longer than 0")
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Time an RPC call waits for its answer before it fails.");
}
