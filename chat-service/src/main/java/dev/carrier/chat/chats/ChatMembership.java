package dev.carrier.chat.chats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.carrier.chat.events.SystemLine;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.users.MemberSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Adding members to a group and leaving one; a direct chat keeps its pair.
 */
@Service
class ChatMembership {

	static final int MIN_GROUP = 3;

	static final int MAX_GROUP = 50;

	private final ChatStore store;

	private final ChatAccess access;

	private final ChatViews views;

	private final MemberResolver members;

	private final ChatAnnouncements announcements;

	/** Where the conversation hears of the change, to record it as a system line. */
	private final ApplicationEventPublisher lines;

	ChatMembership(ChatStore store, ChatAccess access, ChatViews views, MemberResolver members,
			ChatAnnouncements announcements, ApplicationEventPublisher lines) {
		this.lines = lines;
		this.store = store;
		this.access = access;
		this.views = views;
		this.members = members;
		this.announcements = announcements;
	}

	Chat addMembers(String chatId, String userId, AddMembersRequest request) {
		StoredChat before = this.access.requireMember(chatId, userId);
		if (before.isDirect()) {
			throw new InvalidRequest("Members can only be added to a group chat");
		}
		Set<String> added = new LinkedHashSet<>();
		this.members.resolve(request.members()).forEach(member -> added.add(member.id()));
		added.removeAll(before.memberIds());
		if (added.isEmpty()) {
			return this.views.view(before);
		}
		if (!this.store.addMembers(chatId, added, MAX_GROUP, Instant.now())) {
			throw new InvalidRequest("A group chat has at most " + MAX_GROUP + " members");
		}
		StoredChat after = this.store.find(chatId).orElseThrow(ChatNotFound::new);
		this.announcements.changed(after);
		Map<String, MemberSummary> summaries = this.views.summaries(after.memberIds());
		Chat view = this.views.view(after, summaries);
		this.announcements.created(added, view);
		this.announcements.updated(before.memberIds(), view);
		this.lines.publishEvent(new MembersChanged(chatId, userId, SystemLine.Type.MEMBER_ADDED, List.copyOf(added),
				usernames(summaries)));
		return view;
	}

	void leave(String chatId, String userId) {
		StoredChat chat = this.access.requireMember(chatId, userId);
		if (chat.isDirect()) {
			throw new InvalidRequest("A direct chat cannot be left");
		}
		this.store.leave(chatId, userId);
		StoredChat after = this.store.find(chatId).orElseThrow(ChatNotFound::new);
		this.announcements.changed(after);
		// The leaver hears this one last update (without them in it) so their other
		// sessions
		// drop the chat; nothing after it reaches them.
		List<String> recipients = new ArrayList<>(after.memberIds());
		recipients.add(userId);
		// the leaver's summary too, for the system line's name
		Map<String, MemberSummary> summaries = this.views.summaries(recipients);
		this.announcements.updated(recipients, this.views.view(after, summaries));
		this.lines.publishEvent(
				new MembersChanged(chatId, userId, SystemLine.Type.MEMBER_LEFT, List.of(userId), usernames(summaries)));
	}

	private static Map<String, String> usernames(Map<String, MemberSummary> summaries) {
		Map<String, String> usernames = new HashMap<>();
		summaries.forEach((id, summary) -> {
			if (summary.username() != null) {
				usernames.put(id, summary.username());
			}
		});
		return usernames;
	}

}
