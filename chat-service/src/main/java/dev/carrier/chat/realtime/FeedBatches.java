package dev.carrier.chat.realtime;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sockets one event goes to, gathered by the gateway feed they take, so that each
 * gateway gets the event once, addressed to all of its sockets among the recipients.
 */
final class FeedBatches {

	private final Map<GatewayFeed, Batch> byFeed = new IdentityHashMap<>(2);

	void add(GatewayFeeds.FeedSocket socket) {
		this.byFeed.computeIfAbsent(socket.feed(), (feed) -> new Batch()).add(socket.number());
	}

	void deliver(byte[] frame, boolean hint) {
		this.byFeed.forEach((feed, batch) -> feed.deliver(batch.sockets, batch.count, frame, hint));
	}

	private static final class Batch {

		private long[] sockets = new long[16];

		private int count;

		void add(long number) {
			if (this.count == this.sockets.length) {
				this.sockets = Arrays.copyOf(this.sockets, this.count * 2);
			}
			this.sockets[this.count++] = number;
		}

	}

}
