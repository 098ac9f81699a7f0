package dev.carrier.gateway.routing;

import java.time.Duration;
import java.util.List;

import io.netty.channel.Channel;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import dev.carrier.gateway.errors.Causes;
import dev.carrier.gateway.errors.Problems;

/**
 * Bounds a route's request body, whether the client declares its length or streams it in
 * chunks ({@code - name: BodyLimit}, {@code args: max-size}).
 * <p>
 * Spring Cloud Gateway's {@code RequestSize} reads only {@code Content-Length}, so a
 * chunked body went through whole. The service behind refused it at its own limit and
 * closed the connection while the gateway was still sending, and the client got that
 * service's 413 or a 502, whichever reached the gateway first. Here a streamed body is
 * counted as it is forwarded and cut off before the first byte past the limit: a service
 * never receives more than the gateway accepts, and the client gets the gateway's 413.
 */
@Component
class BodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

	/** How long a refused client may go on sending before its connection is dropped. */
	static final Duration REFUSAL_LINGER = Duration.ofSeconds(2);

	BodyLimitGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("maxSize");
	}

	@Override
	public GatewayFilter apply(Config config) {
		long maxBytes = config.getMaxSize().toBytes();
		String refusal = "The request body is too large: at most " + describe(config.getMaxSize()) + " is accepted.";
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			long declared = request.getHeaders().getContentLength();
			if (declared > maxBytes) {
				return refuse(exchange, refusal);
			}
			if (declared >= 0) {
				// The server's HTTP decoder reads no more than the declared length.
				return chain.filter(exchange);
			}
			ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {

				@Override
				public Flux<DataBuffer> getBody() {
					return bounded(super.getBody(), maxBytes, refusal);
				}

			};
			// Answered here rather than by the error handler: the refusal is the client's
			// doing, so the route's circuit breaker (outside this filter) must not count
			// it.
			return chain.filter(exchange.mutate().request(bounded).build())
				.onErrorResume(ex -> Causes.include(ex, DataBufferLimitException.class)
						&& !exchange.getResponse().isCommitted(), ex -> refuse(exchange, refusal));
		};
	}

	/**
	 * A 413 that the client reads even while it is still sending: the gateway ends the
	 * connection after answering, and a connection closed with unread input is reset,
	 * which can throw the answer away before the client has read it. A
	 * {@link LingeringClose} ends the sending side first and reads the rest for a moment.
	 */
	private static Mono<Void> refuse(ServerWebExchange exchange, String refusal) {
		Channel channel = EventLoopUpgradeStrategy.channelOf(exchange);
		if (channel != null) {
			LingeringClose.addTo(channel, REFUSAL_LINGER);
		}
		return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, refusal);
	}

	/**
	 * The body as it arrives, failing instead of passing on the buffer that would take it
	 * past {@code maxBytes}. Counted per subscription, so a filter that reads the body
	 * again counts again.
	 */
	static Flux<DataBuffer> bounded(Flux<DataBuffer> body, long maxBytes, String refusal) {
		return Flux.defer(() -> {
			long[] seen = { 0 };
			return body.handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(new DataBufferLimitException(refusal));
				}
				else {
					sink.next(buffer);
				}
			});
		});
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

	/** The route's limit; bound by the gateway from the route's {@code args}. */
	public static class Config {

		private DataSize maxSize = DataSize.ofMegabytes(2);

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
