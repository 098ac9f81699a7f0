package dev.carrier.chat.chats;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.MemberSummary;

import org.springframework.stereotype.Component;

/**
 * Turns stored chats into public ones, with fresh member summaries from auth-service (one
 * call for any number of chats), so renames and new avatars show at once.
 */
@Component
public class ChatViews {

	private final AuthClient auth;

	public ChatViews(AuthClient auth) {
		this.auth = auth;
	}

	public Chat view(StoredChat chat) {
		return views(List.of(chat)).get(0);
	}

	public List<Chat> views(List<StoredChat> chats) {
		Set<String> ids = new LinkedHashSet<>();
		chats.forEach(chat -> ids.addAll(chat.memberIds()));
		Map<String, MemberSummary> summaries = summaries(ids);
		return chats.stream().map(chat -> view(chat, summaries)).toList();
	}

	/** The summaries of the users among {@code ids} that auth-service knows, by id. */
	Map<String, MemberSummary> summaries(Collection<String> ids) {
		return this.auth.users(ids)
			.stream()
			.collect(Collectors.toMap(MemberSummary::id, Function.identity(), (a, b) -> a));
	}

	/** The chat with its members taken from {@code summaries}. */
	Chat view(StoredChat chat, Map<String, MemberSummary> summaries) {
		return new Chat(chat.id(), chat.type(), chat.name(), chat.memberIds()
			.stream()
			// A user auth-service no longer knows still shows, by id.
			.map(id -> summaries.getOrDefault(id, new MemberSummary(id, "unknown", null)))
			.toList(), chat.createdAt());
	}

}
