package dev.carrier.chat.chats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.cache.ChatReloader;
import dev.carrier.chat.events.ChatChanged;
import dev.carrier.chat.events.ChatSnapshot;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.history.PersistenceClient;
import dev.carrier.chat.leases.LeaseService;
import dev.carrier.chat.messages.MessageStore;
import dev.carrier.chat.reads.ReadStore;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.realtime.Push;
import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.MemberSummary;
import dev.carrier.chat.web.BadRequest;
import dev.carrier.chat.web.Conflict;
import dev.carrier.chat.web.Ids;
import dev.carrier.chat.web.NotFound;
import dev.carrier.chat.web.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Chats and membership: direct chats (one per pair), groups, adding and leaving, the caller's
 * chat list, and the read-through that reloads evicted chats from persistence-service.
 */
@Service
public class ChatService {

	private static final Logger log = LoggerFactory.getLogger(ChatService.class);

	static final int MIN_GROUP = 3;

	static final int MAX_GROUP = 50;

	private final ChatStore store;

	private final ChatViews views;

	private final AuthClient auth;

	private final PersistenceClient persistence;

	private final EventPublisher events;

	private final Fanout fanout;

	private final LeaseService leases;

	private final MessageStore messages;

	private final ReadStore reads;

	private final ChatReloader reloader;

	public ChatService(ChatStore store, ChatViews views, AuthClient auth, PersistenceClient persistence,
			EventPublisher events, Fanout fanout, LeaseService leases, MessageStore messages, ReadStore reads,
			ChatReloader reloader) {
		this.reloader = reloader;
		this.store = store;
		this.views = views;
		this.auth = auth;
		this.persistence = persistence;
		this.events = events;
		this.fanout = fanout;
		this.leases = leases;
		this.messages = messages;
		this.reads = reads;
	}

	/**
	 * The chat if the caller is a member; otherwise {@link NotFound}, exactly as for a chat
	 * that does not exist. Reads through to persistence-service when Redis lost the chat.
	 */
	public StoredChat requireMember(String chatId, String userId) {
		return findForMember(chatId, userId).filter(chat -> chat.hasMember(userId)).orElseThrow(NotFound::chat);
	}

	/**
	 * The chat from Redis, or reloaded when the durable record has the caller as a member. A
	 * stranger's request for a chat the cache lacks writes nothing and reloads nothing.
	 */
	private Optional<StoredChat> findForMember(String chatId, String userId) {
		if (!Ids.isValid(chatId)) {
			return Optional.empty();
		}
		Optional<StoredChat> chat = this.store.find(chatId);
		if (chat.isPresent()) {
			return chat;
		}
		if (!this.reloader.reloadForMember(chatId, userId)) {
			return Optional.empty();
		}
		Optional<StoredChat> reloaded = this.store.find(chatId);
		if (reloaded.isEmpty()) {
			// The durable record has the caller as a member, yet the chat is not cached: the
			// reload this request waited on failed (or the cache lost it again). Not a 404.
			throw new ServiceUnavailable("The chat could not be reloaded; retry the request");
		}
		return reloaded;
	}

	public Chat open(String chatId, String userId) {
		StoredChat chat = requireMember(chatId, userId);
		this.leases.refresh(List.of(chatId));
		return this.views.view(chat);
	}

	public Chat create(String creatorId, CreateChatRequest request) {
		List<MemberSummary> resolved = resolve(request.members());
		Set<String> others = new LinkedHashSet<>();
		resolved.forEach(member -> others.add(member.id()));
		others.remove(creatorId);
		if (others.isEmpty()) {
			throw new BadRequest("A chat needs at least one member besides you");
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
			Optional<StoredChat> chat = findForMember(existing.get(), creatorId);
			if (chat.isPresent()) {
				throw directChatExists(chat.get());
			}
			// The key points at a chat nobody knows (Redis kept the key, the chat never became
			// durable): drop it and create afresh.
			this.store.releaseDirect(creatorId, otherId, existing.get());
		}
		List<String> pair = List.of(creatorId, otherId).stream().sorted().toList();
		StoredChat chat = new StoredChat(UUID.randomUUID().toString(), StoredChat.DIRECT, null, now, 0, pair);
		ChatStore.CreateResult result = this.store.create(chat, now);
		if (!result.created()) {
			throw directChatExists(findForMember(result.chatId(), creatorId).orElseThrow(
					() -> new ServiceUnavailable("The direct chat is being created; retry the request")));
		}
		return announceCreated(chat);
	}

	private Conflict directChatExists(StoredChat chat) {
		// Re-publish the snapshot: the first create may have failed after Redis and before Kafka.
		publishChanged(chat);
		return new Conflict("A direct chat with this user already exists", "chat", this.views.view(chat));
	}

	private Chat createGroup(String creatorId, Set<String> others, String name, Instant now) {
		String trimmed = (name != null) ? name.trim() : "";
		if (trimmed.isEmpty() || trimmed.length() > 64) {
			throw new BadRequest("A group chat needs a name of 1 to 64 characters");
		}
		List<String> members = new ArrayList<>(others);
		members.add(creatorId);
		if (members.size() < MIN_GROUP || members.size() > MAX_GROUP) {
			throw new BadRequest("A group chat has " + MIN_GROUP + " to " + MAX_GROUP + " members, you included");
		}
		StoredChat chat = new StoredChat(UUID.randomUUID().toString(), StoredChat.GROUP, trimmed, now, 0,
				members.stream().sorted().toList());
		this.store.create(chat, now);
		return announceCreated(chat);
	}

	private Chat announceCreated(StoredChat chat) {
		publishChanged(chat);
		Chat view = this.views.view(chat);
		this.fanout.publish(chat.memberIds(), Push.chatCreated(view));
		return view;
	}

	public Chat addMembers(String chatId, String userId, AddMembersRequest request) {
		StoredChat before = requireMember(chatId, userId);
		if (before.isDirect()) {
			throw new BadRequest("Members can only be added to a group chat");
		}
		Set<String> added = new LinkedHashSet<>();
		resolve(request.members()).forEach(member -> added.add(member.id()));
		added.removeAll(before.memberIds());
		if (added.isEmpty()) {
			return this.views.view(before);
		}
		if (!this.store.addMembers(chatId, added, MAX_GROUP, Instant.now())) {
			throw new BadRequest("A group chat has at most " + MAX_GROUP + " members");
		}
		StoredChat after = this.store.find(chatId).orElseThrow(NotFound::chat);
		publishChanged(after);
		Chat view = this.views.view(after);
		this.fanout.publish(added, Push.chatCreated(view));
		this.fanout.publish(before.memberIds(), Push.chatUpdated(view));
		return view;
	}

	public void leave(String chatId, String userId) {
		StoredChat chat = requireMember(chatId, userId);
		if (chat.isDirect()) {
			throw new BadRequest("A direct chat cannot be left");
		}
		this.store.leave(chatId, userId);
		StoredChat after = this.store.find(chatId).orElseThrow(NotFound::chat);
		publishChanged(after);
		Chat view = this.views.view(after);
		// The leaver hears this one last update (without them in it) so their other sessions
		// drop the chat; nothing after it reaches them.
		List<String> recipients = new ArrayList<>(after.memberIds());
		recipients.add(userId);
		this.fanout.publish(recipients, Push.chatUpdated(view));
	}

	/** The caller's chats, most recent activity first. */
	public List<ChatSummary> list(String userId) {
		List<String> ids = this.store.userChatIds(userId);
		boolean hydrated = false;
		if (ids.isEmpty()) {
			this.reloader.reloadChatsOf(userId);
			hydrated = true;
			ids = this.store.userChatIds(userId);
		}
		Map<String, Optional<StoredChat>> found = new LinkedHashMap<>();
		ids.forEach(id -> found.put(id, this.store.find(id)));
		if (!hydrated && found.values().stream().anyMatch(Optional::isEmpty)) {
			try {
				this.reloader.reloadChatsOf(userId);
				found.replaceAll((id, chat) -> chat.isPresent() ? chat : this.store.find(id));
			}
			catch (ServiceUnavailable ex) {
				log.warn("Listing {}'s chats without those evicted from Redis: {}", userId, ex.getMessage());
			}
		}
		List<StoredChat> chats = found.values()
			.stream()
			.flatMap(Optional::stream)
			.filter(chat -> chat.hasMember(userId))
			.toList();
		this.leases.refresh(chats.stream().map(StoredChat::id).toList());
		List<Chat> views = this.views.views(chats);
		List<ChatSummary> summaries = new ArrayList<>(chats.size());
		for (int i = 0; i < chats.size(); i++) {
			StoredChat chat = chats.get(i);
			long unread = Math.max(0, chat.lastSeq() - this.reads.position(chat.id(), userId));
			summaries.add(new ChatSummary(views.get(i), this.messages.last(chat.id()).orElse(null), unread));
		}
		return summaries;
	}

	/** The chats of a user as they are now, for pushing fresh member summaries. */
	public List<StoredChat> cachedChatsOf(String userId) {
		return this.store.userChatIds(userId)
			.stream()
			.map(this.store::find)
			.flatMap(Optional::stream)
			.filter(chat -> chat.hasMember(userId))
			.toList();
	}

	public void publishChanged(StoredChat chat) {
		String directKey = chat.isDirect() ? RedisKeys.directKey(chat.memberIds().get(0), chat.memberIds().get(1))
				: null;
		this.events.publish(Topics.CHAT_CHANGED, chat.id(), new ChatChanged(ChatChanged.newEventId(), Instant.now(),
				new ChatSnapshot(chat.id(), chat.type(), chat.name(), chat.memberIds(), chat.createdAt(), directKey)));
	}

	private List<MemberSummary> resolve(List<String> logins) {
		Map<String, MemberSummary> resolved = new LinkedHashMap<>();
		for (String login : logins) {
			String key = login.trim().toLowerCase(Locale.ROOT);
			if (resolved.containsKey(key)) {
				continue;
			}
			MemberSummary member = this.auth.lookup(login.trim())
				.orElseThrow(() -> new NotFound("Unknown member: " + login.trim()));
			resolved.put(key, member);
		}
		return List.copyOf(resolved.values());
	}

}
