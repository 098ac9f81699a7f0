package dev.carrier.chat.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.MemberSummary;

import org.springframework.stereotype.Component;

/**
 * The members a message names with {@code @username}, by id, in the order the text names
 * them. Stored by id, so a mention survives a rename and shows by the current name; a
 * name that is no member's mentions nobody.
 */
@Component
class Mentions {

	/**
	 * An {@code @} that starts a word, then a username's characters (auth-service's
	 * rule).
	 */
	private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})");

	private final AuthClient auth;

	Mentions(AuthClient auth) {
		this.auth = auth;
	}

	/**
	 * The mentioned members' ids; auth-service is asked only when the text names someone.
	 */
	List<String> of(String text, List<String> memberIds) {
		Set<String> names = names(text);
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, String> idsByName = this.auth.users(memberIds)
			.stream()
			.collect(Collectors.toMap((member) -> member.username().toLowerCase(Locale.ROOT), MemberSummary::id,
					(first, second) -> first));
		return resolve(names, idsByName::get);
	}

	/** The names written after an {@code @}, lower-cased, first appearance first. */
	static Set<String> names(String text) {
		if (text.indexOf('@') < 0) {
			// most messages: the expression's look-behind would still be tried at every
			// character (3 % of the sending instance's CPU in the seed mode's profile)
			return Set.of();
		}
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return names;
	}

	/**
	 * Each name to a member's id; a name that ends a sentence ("@bob.") also matches
	 * without its trailing dots and dashes.
	 */
	static List<String> resolve(Set<String> names, Function<String, String> idOfName) {
		Set<String> ids = new LinkedHashSet<>();
		for (String name : names) {
			String id = idOfName.apply(name);
			String bare = name.replaceAll("[.-]+$", "");
			if (id == null && !bare.equals(name)) {
				id = idOfName.apply(bare);
			}
			if (id != null) {
				ids.add(id);
			}
		}
		return new ArrayList<>(ids);
	}

}
