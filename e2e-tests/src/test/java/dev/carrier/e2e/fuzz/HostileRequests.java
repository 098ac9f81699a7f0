package dev.carrier.e2e.fuzz;

import static java.util.Map.entry;

import java.util.List;

import dev.carrier.e2e.support.Gen;

/**
 * Every call of docs/api.md made hostile, weighted: the mix the HTTP property draws its
 * batches from.
 */
final class HostileRequests {

	private final AccountRequests accounts;

	private final AvatarRequests avatars;

	private final AttachmentRequests attachments;

	private final ChatRequests chats;

	private final MessageRequests messages;

	private final MisdirectedRequests misdirected;

	private final RawRequests raw;

	HostileRequests(Fixture fixture) {
		this.accounts = new AccountRequests(fixture);
		this.avatars = new AvatarRequests(fixture);
		this.attachments = new AttachmentRequests(fixture);
		this.chats = new ChatRequests(fixture);
		this.messages = new MessageRequests(fixture);
		this.misdirected = new MisdirectedRequests(fixture);
		this.raw = new RawRequests(fixture);
	}

	Gen<List<Hostile>> batches(int batchSize) {
		return Gen.listOf(hostile(), batchSize, batchSize);
	}

	private Gen<Hostile> hostile() {
		return Gen.frequencyOf(entry(6, accounts.signup()), entry(5, accounts.login()), entry(3, accounts.logout()),
				entry(3, accounts.readMe()), entry(6, accounts.patchMe()), entry(4, accounts.changePassword()),
				entry(6, avatars.avatarUpload()), entry(3, avatars.avatarDownload()), entry(4, accounts.lookup()),
				entry(6, chats.createChat()), entry(3, chats.listChats()), entry(4, chats.readChat()),
				entry(5, chats.addMembers()), entry(3, chats.leaveChat()), entry(5, messages.markRead()),
				entry(8, messages.sendMessage()), entry(6, messages.history()), entry(4, messages.deleteMessage()),
				entry(4, messages.editMessage()), entry(4, messages.export()), entry(4, messages.react()),
				entry(3, messages.search()), entry(3, chats.hideChat()), entry(3, accounts.presence()),
				entry(2, misdirected.webSocketOverHttp()), entry(4, misdirected.wrongMethods()),
				entry(3, misdirected.unknownPaths()), entry(5, misdirected.badTokens()),
				entry(4, misdirected.wrongContentTypes()), entry(4, raw.rawRequests()), entry(4, attachments.upload()),
				entry(3, attachments.download()));
	}

}
