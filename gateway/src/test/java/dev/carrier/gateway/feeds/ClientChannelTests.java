package dev.carrier.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.carrier.gateway.feeds.ClientChannel.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What becomes of a feed frame for one client: written while it keeps up, as the very
 * bytes the connection's own frame encoder would write; a hint dropped once its
 * connection's buffer is full, an event not; the client closed once too much waits for
 * it; nothing written once its socket is closing or its close frame went out; the frames
 * of one pass flushed together, in order, and before a close.
 */
class ClientChannelTests {

	@Test
	void everyFrameGoesOutWhileTheClientKeepsUp() {
		assertThat(ClientChannel.verdict(false, true, 0)).isEqualTo(Verdict.SEND);
		assertThat(ClientChannel.verdict(true, true, 0)).isEqualTo(Verdict.SEND);
	}

	@Test
	void aHintIsDroppedOnceTheConnectionsBufferIsFullButAnEventIsNot() {
		assertThat(ClientChannel.verdict(true, false, 1)).isEqualTo(Verdict.DROP);
		assertThat(ClientChannel.verdict(false, false, ClientChannel.MAX_BACKLOG_BYTES)).isEqualTo(Verdict.SEND);
	}

	@Test
	void aClientWithTooMuchWaitingIsClosed() {
		assertThat(ClientChannel.verdict(false, false, ClientChannel.MAX_BACKLOG_BYTES + 1)).isEqualTo(Verdict.CLOSE);
		assertThat(ClientChannel.verdict(true, false, ClientChannel.MAX_BACKLOG_BYTES + 1)).isEqualTo(Verdict.CLOSE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125, 126, 65_535, 65_536, 200_000 })
	void aFrameBuiltOnceIsTheBytesTheEncoderWouldWrite(int length) {
		String text = "é".repeat(length / 2) + "x".repeat(length % 2);
		EmbeddedChannel byEncoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		byEncoder.writeOutbound(new TextWebSocketFrame(text));
		ByteBuf expected = readAll(byEncoder);
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		ClientChannel client = ClientChannel.on(channel, () -> {
		});
		EncodedText event = encode(text);

		client.send(new EncodedText(event.frame().retainedDuplicate(), event.headerLength()), false);

		ByteBuf written = readAll(channel);
		assertThat(ByteBufUtil.hexDump(written)).isEqualTo(ByteBufUtil.hexDump(expected));
		written.release();
		expected.release();
		assertThat(event.frame().refCnt()).isEqualTo(1);
		event.frame().release();
	}

	@Test
	void withoutAFrameEncoderToWriteFromTheTextGoesAsATextFrame() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ClientChannel client = ClientChannel.on(channel, () -> {
		});
		EncodedText event = encode("{\"type\":\"ready\"}");

		client.send(event, false);
		channel.runPendingTasks();

		TextWebSocketFrame written = channel.readOutbound();
		assertThat(written.text()).isEqualTo("{\"type\":\"ready\"}");
		written.release();
		assertThat(event.frame().refCnt()).isZero();
	}

	@Test
	void nothingIsWrittenOnceTheSocketIsClosingAndTheFrameIsReleased() {
		EmbeddedChannel channel = new EmbeddedChannel();
		AtomicInteger closes = new AtomicInteger();
		ClientChannel client = ClientChannel.on(channel, closes::incrementAndGet);
		EncodedText event = encode("late");

		client.stop();
		client.send(event, false);

		assertThat((Object) channel.readOutbound()).isNull();
		assertThat(event.frame().refCnt()).isZero();
		assertThat(closes).hasValue(0);
	}

	@Test
	void nothingFollowsTheCloseFrameTheProxyWrites() {
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		ClientChannel client = ClientChannel.on(channel, () -> {
		});
		channel.writeOutbound(new CloseWebSocketFrame(4001, "session ended"));
		readAll(channel).release();
		EncodedText event = encode("after the close");

		client.send(event, false);

		assertThat((Object) channel.readOutbound()).isNull();
		assertThat(event.frame().refCnt()).isZero();
	}

	@Test
	void theFramesOfOnePassLeaveInOneFlushInTheirOrder() throws Exception {
		try (Connection connection = new Connection()) {
			ClientChannel client = ClientChannel.on(connection.channel, () -> {
			});
			AtomicInteger flushes = countFlushesAtTheSocket(connection.channel);

			// one pass over the feeds: one task of the connection's event loop
			connection.channel.eventLoop()
				.submit(() -> List.of("first", "second", "third").forEach((text) -> client.send(encode(text), false)))
				.sync();

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(connection.received()).containsExactly("first", "second", "third"));
			assertThat(flushes).hasValue(1);
		}
	}

	@Test
	void aCloseSendsTheFramesStillHeldBeforeIt() throws Exception {
		try (Connection connection = new Connection()) {
			ClientChannel client = ClientChannel.on(connection.channel, () -> {
			});

			connection.channel.eventLoop().submit(() -> {
				client.send(encode("last words"), false);
				connection.channel.close();
			}).sync();

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(connection.received()).containsExactly("last words"));
		}
	}

	/**
	 * A connection on a real event loop, with a frame encoder, and the text frames its
	 * peer received: an {@link EmbeddedChannel} runs its queued tasks, a held flush among
	 * them, on every write and close.
	 */
	private static final class Connection implements AutoCloseable {

		private final EventLoopGroup loop = new DefaultEventLoopGroup(1);

		private final ByteBuf bytes = Unpooled.buffer();

		final Channel channel;

		Connection() throws Exception {
			LocalAddress address = new LocalAddress(ClientChannelTests.class);
			CompletableFuture<Channel> accepted = new CompletableFuture<>();
			new ServerBootstrap().group(this.loop)
				.channel(LocalServerChannel.class)
				.childHandler(new ChannelInitializer<>() {

					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline().addLast(new WebSocket13FrameEncoder(false));
						accepted.complete(channel);
					}

				})
				.bind(address)
				.sync();
			new Bootstrap().group(this.loop).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter() {

				@Override
				public void channelRead(ChannelHandlerContext ctx, Object read) {
					synchronized (Connection.this.bytes) {
						Connection.this.bytes.writeBytes((ByteBuf) read);
					}
					((ByteBuf) read).release();
				}

			}).connect(address).sync();
			this.channel = accepted.get(10, TimeUnit.SECONDS);
		}

		List<String> received() {
			synchronized (this.bytes) {
				return texts(this.bytes.duplicate());
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
			this.bytes.release();
		}

	}

	/** Counts the flushes that reach the socket, past every handler of the pipeline. */
	private static AtomicInteger countFlushesAtTheSocket(Channel channel) {
		AtomicInteger flushes = new AtomicInteger();
		channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {

			@Override
			public void flush(ChannelHandlerContext ctx) {
				flushes.incrementAndGet();
				ctx.flush();
			}

		});
		return flushes;
	}

	/**
	 * The texts of the unmasked text frames, each shorter than 126 bytes, in
	 * {@code bytes}.
	 */
	private static List<String> texts(ByteBuf bytes) {
		List<String> texts = new ArrayList<>();
		while (bytes.isReadable()) {
			assertThat(bytes.readByte()).isEqualTo((byte) 0x81);
			int length = bytes.readByte();
			texts.add(bytes.readCharSequence(length, StandardCharsets.UTF_8).toString());
		}
		return texts;
	}

	private static EncodedText encode(String text) {
		ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		try {
			return EncodedText.of(UnpooledByteBufAllocator.DEFAULT, bytes);
		}
		finally {
			bytes.release();
		}
	}

	/**
	 * What the channel wrote once its event loop ran what it had queued (the flush), as
	 * one buffer (the encoder writes large frames in two).
	 */
	private static ByteBuf readAll(EmbeddedChannel channel) {
		channel.runPendingTasks();
		ByteBuf all = Unpooled.buffer();
		for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
			all.writeBytes(part);
			part.release();
		}
		return all;
	}

}
