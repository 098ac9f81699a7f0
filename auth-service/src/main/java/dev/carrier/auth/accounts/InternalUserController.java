package dev.carrier.auth.accounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.remote.RemoteUnavailable;

/** Users as the other services see them (docs/architecture.md, "Internal REST APIs"). */
@RestController
@Tag(name = "internal users", description = "For chat-service and the gateway; never routed by the gateway")
class InternalUserController {

	private static final Logger log = LoggerFactory.getLogger(InternalUserController.class);

	static final int MAX_IDS = 500;

	private final AccountService accounts;

	private final UserDirectory directory;

	InternalUserController(AccountService accounts, UserDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@GetMapping("/internal/users/lookup")
	@Operation(summary = "Exact, case-insensitive match on username or email")
	UserSummary lookup(@RequestParam("q") @NotBlank @Size(max = 254) String q) {
		return UserSummary.of(this.accounts.lookup(q));
	}

	@GetMapping("/internal/users")
	@Operation(summary = "Users by id; unknown ids are omitted")
	List<UserSummary> byIds(@RequestParam("ids") @Size(max = MAX_IDS) List<String> ids) {
		List<UserSummary> found = new ArrayList<>();
		for (String id : distinct(ids)) {
			try {
				this.directory.findById(id).map(UserSummary::of).ifPresent(found::add);
			}
			catch (RemoteUnavailable ex) {
				log.warn("User {} is not in Redis and persistence-service is unavailable; omitted", id);
			}
		}
		return found;
	}

	static Set<String> distinct(List<String> ids) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String id : ids) {
			if (id != null && !id.isBlank()) {
				distinct.add(id.strip());
			}
		}
		return distinct;
	}

}
