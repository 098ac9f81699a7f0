package dev.carrier.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import dev.carrier.gateway.feeds.ClientChannel.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a feed frame for one client: written while it keeps up; a hint dropped
 * once its connection's buffer is full, an event not; the client closed once too much
 * waits for it; nothing written once its socket is closing.
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

	@Test
	void aFrameIsWrittenAsATextFrameAroundTheSharedText() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ClientChannel client = new ClientChannel(channel, () -> {
		});
		ByteBuf text = Unpooled.copiedBuffer("{\"type\":\"ready\"}", StandardCharsets.UTF_8);

		client.send(text.retainedDuplicate(), false);

		TextWebSocketFrame written = channel.readOutbound();
		assertThat(written.text()).isEqualTo("{\"type\":\"ready\"}");
		written.release();
		assertThat(text.refCnt()).isEqualTo(1);
	}

	@Test
	void nothingIsWrittenOnceTheSocketIsClosingAndTheTextIsReleased() {
		EmbeddedChannel channel = new EmbeddedChannel();
		AtomicInteger closes = new AtomicInteger();
		ClientChannel client = new ClientChannel(channel, closes::incrementAndGet);
		ByteBuf text = Unpooled.copiedBuffer("late", StandardCharsets.UTF_8);

		client.stop();
		client.send(text.retainedDuplicate(), false);

		assertThat((Object) channel.readOutbound()).isNull();
		assertThat(text.refCnt()).isEqualTo(1);
		assertThat(closes).hasValue(0);
	}

}
