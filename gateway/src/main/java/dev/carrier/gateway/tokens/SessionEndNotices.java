package dev.carrier.gateway.tokens;

import java.time.Duration;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Drops ended sessions from the token cache the moment auth-service ends them.
 * auth-service publishes each ended session's token hash on {@value #CHANNEL} in the same
 * Redis script that deletes the session (logout, password change, anything that closes
 * one), so every gateway replica hears of it at once and a cache of any length stays
 * safe. Pub/sub delivers at most once: a notice sent while this gateway was not connected
 * is lost, so whenever the Redis connection drops or comes back the whole cache is
 * forgotten (that also covers the loss of the session store itself). Expiry by time needs
 * no notice: no entry outlives its session's end.
 */
@Component
class SessionEndNotices implements DisposableBean {

	/**
	 * auth-service's channel (its RedisKeys.SESSIONS_ENDED_CHANNEL); the gateway only
	 * listens.
	 */
	static final String CHANNEL = "carrier:auth:sessions-ended";

	/**
	 * The notice that every session may have ended (auth-service found its store
	 * emptied).
	 */
	static final String ALL_SESSIONS = "*";

	private static final Logger log = LoggerFactory.getLogger(SessionEndNotices.class);

	private final SessionCache sessions;

	private final ReactiveRedisConnectionFactory redis;

	private final ClientResources clientResources;

	private final Disposable.Composite subscriptions = Disposables.composite();

	SessionEndNotices(SessionCache sessions, ReactiveRedisConnectionFactory redis, ClientResources clientResources) {
		this.sessions = sessions;
		this.redis = redis;
		this.clientResources = clientResources;
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		this.subscriptions.add(this.clientResources.eventBus()
			.get()
			.filter(event -> event instanceof ConnectionDeactivatedEvent || event instanceof ConnectionActivatedEvent)
			.subscribe(event -> {
				log.info("Redis connection {}: forgetting every cached token", event.getClass().getSimpleName());
				this.sessions.evictAll();
			}));
		// The container connects as it is made: made inside the retried subscription, a
		// slow or absent Redis at start-up delays the notices instead of failing the
		// start.
		this.subscriptions.add(Flux.using(() -> new ReactiveRedisMessageListenerContainer(this.redis),
				container -> container.receive(ChannelTopic.of(CHANNEL)),
				ReactiveRedisMessageListenerContainer::destroy)
			.doOnNext(message -> {
				if (ALL_SESSIONS.equals(message.getMessage())) {
					log.info("auth-service lost its session store: forgetting every cached token");
					this.sessions.evictAll();
				}
				else {
					this.sessions.evictKeyHash(message.getMessage());
				}
			})
			.doOnError(ex -> {
				log.warn("Listening for ended sessions failed ({}); forgetting every cached token", ex.getMessage());
				this.sessions.evictAll();
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe());
	}

	@Override
	public void destroy() {
		this.subscriptions.dispose();
	}

}
