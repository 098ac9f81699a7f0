package dev.carrier.chat.presence;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.shared.ServiceUnavailable;

import org.springframework.stereotype.Component;

/**
 * The people who share at least one chat with a user: those who may see their presence.
 */
@Component
class Contacts {

	private final ChatAccess chats;

	Contacts(ChatAccess chats) {
		this.chats = chats;
	}

	/**
	 * Everyone in the user's chats (the user too), read through when the cache lost them.
	 */
	Set<String> of(String userId) {
		Set<String> people = new LinkedHashSet<>();
		this.chats.chatsOf(userId).forEach(chat -> people.addAll(chat.memberIds()));
		people.add(userId);
		return people;
	}

	/**
	 * The same for a push: when persistence-service cannot reload what the cache lost,
	 * the cached chats still hear of it.
	 */
	Set<String> forPush(String userId) {
		Set<String> people = new LinkedHashSet<>();
		try {
			this.chats.chatsOf(userId).forEach(chat -> people.addAll(chat.memberIds()));
		}
		catch (ServiceUnavailable ex) {
			this.chats.cachedChatsOf(userId).stream().map(StoredChat::memberIds).forEach(people::addAll);
		}
		people.remove(userId);
		return people;
	}

}
