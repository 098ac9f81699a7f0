package dev.carrier.gateway.routing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Closes a WebSocket connection the way RFC 6455 (section 7.1.1) asks: after the close
 * frame, the gateway stops writing (TCP FIN) and reads, discarding, until the client has
 * answered or {@code linger} has passed, and only then drops the connection.
 * <p>
 * Reactor Netty closes the channel as soon as its close frame is written
 * ({@code WebsocketServerOperations.sendClose} adds {@code ChannelFutureListener.CLOSE}).
 * A client still sending at that moment, as a flooding one does when chat-service closes
 * it with 1008, has frames in flight; Linux answers them, and any it had not read, with a
 * reset, and the reset can overtake the close frame in the client's own stack, which then
 * reports 1006 with no reason. Draining the input before the close keeps the reset away,
 * so the client learns why it was closed.
 */
final class LingeringClose extends ChannelDuplexHandler {

	static final String NAME = "carrier.lingeringClose";

	private final Duration linger;

	private boolean lingering;

	private LingeringClose(Duration linger) {
		this.linger = linger;
	}

	/**
	 * Puts the handler first in the channel's pipeline, where it sees every close and
	 * every byte read.
	 */
	static void addTo(Channel channel, Duration linger) {
		if (channel instanceof DuplexChannel && channel.pipeline().get(NAME) == null) {
			channel.pipeline().addFirst(NAME, new LingeringClose(linger));
		}
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
		Channel channel = ctx.channel();
		if (this.lingering || !channel.isActive() || !(channel instanceof DuplexChannel duplex)
				|| duplex.isOutputShutdown() || duplex.isInputShutdown()) {
			ctx.close(promise);
			return;
		}
		this.lingering = true;
		ctx.flush();
		duplex.shutdownOutput();
		// The client's FIN, sent once it has answered the close, ends the wait early:
		// Netty
		// closes a channel whose input ends (half-closure is off).
		channel.config().setAutoRead(true);
		ctx.read();
		ctx.executor().schedule(() -> ctx.close(promise), this.linger.toMillis(), TimeUnit.MILLISECONDS);
		channel.closeFuture().addListener(closed -> promise.trySuccess());
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.lingering) {
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

}
