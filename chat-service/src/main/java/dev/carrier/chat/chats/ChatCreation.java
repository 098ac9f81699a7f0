package dev.carrier.chat.chats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.carrier.chat.history.PersistenceClient;
import dev.carrier.chat.shared.ChatType;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.ServiceUnavailable;

import org.springframework.stereotype.Service;

/**
 * Creating chats: a direct chat is one per pair (the pair's key in Redis, MySQL behind
 * it), a group has a name and {@value ChatMembership#MIN_GROUP} to
 * {@value ChatMembership#MAX_GROUP} members.
 */
@Service
class ChatCreation {

	private final ChatStore store;

	private final ChatAccess access;

	private final ChatViews views;

	private final MemberResolver members;

	private final PersistenceClient persistence;

	private final ChatAnnouncements announcements;

	ChatCreation(ChatStore store, ChatAccess access, ChatViews views, MemberResolver members,
			PersistenceClient persistence, ChatAnnouncements announcements) {
		this.store = store;
		this.access = access;
		this.views = views;
		this.members = members;
		this.persistence = persistence;
		this.announcements = announcements;
	}

	Chat create(String creatorId, CreateChatRequest request) {
		Set<String> others = new LinkedHashSet<>();
		this.members.resolve(request.members()).forEach(member -> others.add(member.id()));
		others.remove(creatorId);
		if (others.isEmpty()) {
			throw new InvalidRequest("A chat needs at least one member besides you");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		if (others.size() == 1) {
			return createDirect(creatorId, others.iterator().next(), now);
		}
		return createGroup(creatorId, others, request.name(), now);
	}

	private Chat createDirect(String creatorId, String otherId, Instant now) {
		Optional<String> existing = this.store.directChatId(creatorId, otherId);
		if (existing.isEmpty()) {
			// Redis may have lost the pair's key; MySQL is the durable record of it.
			existing = this.persistence.directChat(creatorId, otherId)
				.map(durableId -> this.store.claimDirect(creatorId, otherId, durableId));
		}
		if (existing.isPresent()) {
			Optional<StoredChat> chat = this.access.findForMember(existing.get(), creatorId);
			if (chat.isPresent()) {
				throw directChatExists(chat.get());
			}
			// The key points at a chat nobody knows (Redis kept the key, the chat never
			// became
			// durable): drop it and create afresh.
			this.store.releaseDirect(creatorId, otherId, existing.get());
		}
		List<String> pair = List.of(creatorId, otherId).stream().sorted().toList();
		StoredChat chat = new StoredChat(UUID.randomUUID().toString(), ChatType.DIRECT, null, now, 0, pair);
		ChatStore.CreateResult result = this.store.create(chat, now);
		if (!result.created()) {
			throw directChatExists(this.access.findForMember(result.chatId(), creatorId)
				.orElseThrow(() -> new ServiceUnavailable("The direct chat is being created; retry the request")));
		}
		return announceCreated(chat);
	}

	private DirectChatExists directChatExists(StoredChat chat) {
		// Re-publish the snapshot: the first create may have failed after Redis and
		// before Kafka.
		this.announcements.changed(chat);
		return new DirectChatExists(this.views.view(chat));
	}

	private Chat createGroup(String creatorId, Set<String> others, String name, Instant now) {
		String trimmed = (name != null) ? name.trim() : "";
		if (trimmed.isEmpty() || trimmed.length() > 64) {
			throw new InvalidRequest("A group chat needs a name of 1 to 64 characters");
		}
		List<String> members = new ArrayList<>(others);
		members.add(creatorId);
		if (members.size() < ChatMembership.MIN_GROUP || members.size() > ChatMembership.MAX_GROUP) {
			throw new InvalidRequest("A group chat has " + ChatMembership.MIN_GROUP + " to " + ChatMembership.MAX_GROUP
					+ " members, you included");
		}
		StoredChat chat = new StoredChat(UUID.randomUUID().toString(), ChatType.GROUP, trimmed, now, 0,
				members.stream().sorted().toList());
		this.store.create(chat, now);
		return announceCreated(chat);
	}

	private Chat announceCreated(StoredChat chat) {
		this.announcements.changed(chat);
		Chat view = this.views.view(chat);
		this.announcements.created(chat.memberIds(), view);
		return view;
	}

}
