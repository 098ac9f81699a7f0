package dev.carrier.bench;

import tools.jackson.databind.JsonNode;

/**
 * A {@code send.failed} frame as the reply the POST would have given: the problem's
 * status and the problem document itself, so that a 429, 503 or 400 over the socket is
 * counted and reported exactly as the POST's (its {@code retryAfter} stays in the body).
 */
final class SendFailure {

	private SendFailure() {
	}

	static Api.Reply reply(JsonNode frame) {
		JsonNode problem = frame.path("problem");
		int status = problem.path("status").asInt(0);
		if (status <= 0) {
			// docs/api.md promises one: count it with the transport failures, frame kept
			return Api.Reply.transportFailure("send.failed without a problem status: " + frame);
		}
		if (status == 429) {
			Api.RATE_LIMITED.set(true);
		}
		return new Api.Reply(status, Api.JSON.writeValueAsBytes(problem));
	}

}
