package org.millrace.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.millrace.rpc.RpcException;
import org.millrace.rpc.netty.message.RpcError;
import org.millrace.rpc.netty.message.RpcFrame;
import org.millrace.rpc.netty.message.RpcRequest;
import org.millrace.rpc.netty.message.RpcResponse;
import org.millrace.rpc.netty.message.RpcSuccess;

/**
 * The client side of one TCP connection to a remote {@link NettyRpcService}: calls to every endpoint
 * there share it, told apart by request id. Callers' threads send; the channel's I/O thread reads
 * answers, fires timeouts and fails what is pending when the connection closes. Callers' futures are
 * completed on the service's callback executor, never on the I/O thread, so a continuation that
 * blocks cannot stall the connection.
 */
final class RpcClientConnection extends SimpleChannelInboundHandler<RpcFrame> {

    /** A call waiting for its answer. */
    private record PendingCall(CompletableFuture<RpcSuccess> result, String description, ScheduledFuture<?> timer) {}

    private final String hostPort;
    private final Executor callbackExecutor;
    private final Function<RpcError, Throwable> errorDecoder;

    /** Added by callers' threads, removed by the I/O thread (answer, timeout, close). */
    private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong();

    /** Set once, by the I/O thread, before the pending calls are failed. */
    private volatile boolean closed;
    /** Set once by the service when the connection is up, before it is handed to callers. */
    private volatile Channel channel;

    RpcClientConnection(String hostPort, Executor callbackExecutor,
            Function<RpcError, Throwable> errorDecoder) {
        this.hostPort = hostPort;
        this.callbackExecutor = callbackExecutor;
        this.errorDecoder = errorDecoder;
    }

    void setChannel(Channel channel) {
        this.channel = channel;
    }

    boolean isOpen() {
        return !closed && channel != null && channel.isActive();
    }

    /** Sends {@code request} and completes with its answer, or fails after {@code timeout}. */
    CompletableFuture<RpcSuccess> call(RpcRequest request, String description, Duration timeout) {
        long id = nextRequestId.getAndIncrement();
        request.setRequestId(id);
        CompletableFuture<RpcSuccess> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = channel.eventLoop().schedule(
                () -> fail(id, new TimeoutException(description + " got no answer within " + timeout.toMillis()
                        + " ms (rpc.timeout)")),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.put(id, new PendingCall(result, description, timer));
        // put before checking: a close that happens after this check finds the call and fails it
        if (closed) {
            fail(id, closedException(description));
            return result;
        }
        channel.writeAndFlush(new RpcFrame(request)).addListener(f -> {
            if (!f.isSuccess()) {
                fail(id, new RpcException(description + " could not be sent: " + f.cause(), f.cause()));
            }
        });
        return result;
    }

    /** Sends a call that has no answer (a void gateway method). */
    void tell(RpcRequest request) {
        request.setRequestId(-1L);
        channel.writeAndFlush(new RpcFrame(request));
    }

    void close() {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RpcFrame frame) {
        if (!(frame.getMessage() instanceof RpcResponse response)) {
            throw new RpcException("Unexpected request on the client connection to " + hostPort);
        }
        PendingCall call = pending.remove(response.getRequestId());
        if (call == null) {
            return; // answered after its timeout
        }
        call.timer().cancel(false);
        Object result = response.getResult();
        if (result instanceof RpcSuccess success) {
            callbackExecutor.execute(() -> call.result().complete(success));
        } else {
            Throwable error = errorDecoder.apply((RpcError) result);
            callbackExecutor.execute(() -> call.result().completeExceptionally(error));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        for (Long id : pending.keySet()) {
            PendingCall call = pending.get(id);
            if (call != null) {
                fail(id, closedException(call.description()));
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a broken frame leaves the stream unreadable: close, which fails every pending call
        ctx.close();
    }

    private RpcException closedException(String description) {
        return new RpcException("The connection to " + hostPort + " closed before " + description + " was answered");
    }

    private void fail(long id, Throwable error) {
        PendingCall call = pending.remove(id);
        if (call != null) {
            call.timer().cancel(false);
            callbackExecutor.execute(() -> call.result().completeExceptionally(error));
        }
    }
}
