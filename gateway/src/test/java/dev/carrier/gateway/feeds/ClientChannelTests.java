package dev.carrier.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.carrier.gateway.feeds.ClientChannel.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a feed frame for one client: written while it keeps up, as the very
 * bytes the connection's own frame encoder would write; a hint dropped once its
 * connection's buffer is full, an event not; the client closed once too much waits for
 * it; nothing written once its socket is closing or its close frame went out.
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

	private static EncodedText encode(String text) {
		ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		try {
			return EncodedText.of(UnpooledByteBufAllocator.DEFAULT, bytes);
		}
		finally {
			bytes.release();
		}
	}

	/** What the channel wrote, as one buffer (the encoder writes large frames in two). */
	private static ByteBuf readAll(EmbeddedChannel channel) {
		ByteBuf all = Unpooled.buffer();
		for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
			all.writeBytes(part);
			part.release();
		}
		return all;
	}

}
