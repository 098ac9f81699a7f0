package dev.carrier.chat.chats;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.carrier.chat.shared.ChatType;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.ServiceUnavailable;
import dev.carrier.chat.trust.Assertions;
import dev.carrier.chat.users.MemberSummary;
import dev.carrier.chat.web.RequestLimitProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.BDDMockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The chat endpoints as HTTP sees them, without Redis or Kafka: the caller comes from the
 * signed identity, and each domain exception of the chats feature becomes its problem
 * document once, in the web package's advice.
 */
@WebMvcTest(ChatController.class)
class ChatControllerTests {

	private static final String ALICE = UUID.randomUUID().toString();

	private static final String CHAT = UUID.randomUUID().toString();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Assertions assertions;

	@MockitoBean
	ChatCreation creation;

	@MockitoBean
	ChatMembership membership;

	@MockitoBean
	ChatAccess access;

	@MockitoBean
	ChatViews views;

	@BeforeEach
	void aliceIsTheCaller() {
		given(this.assertions.userOf("alice")).willReturn(Optional.of(ALICE));
		given(this.assertions.userOf(BDDMockito.argThat(value -> !"alice".equals(value)))).willReturn(Optional.empty());
	}

	private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
		return request.header(Assertions.IDENTITY_HEADER, "alice");
	}

	@Test
	void aCallWithoutTheGatewaysIdentityIs401() throws Exception {
		this.mvc.perform(get("/api/chats/" + CHAT))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/unauthenticated"));
	}

	@Test
	void aChatTheCallerIsNotInIsAPlain404() throws Exception {
		given(this.access.requireMember(CHAT, ALICE)).willThrow(new ChatNotFound());

		this.mvc.perform(asAlice(get("/api/chats/" + CHAT)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("Chat not found"));
	}

	@Test
	void anExistingDirectChatIsA409ThatCarriesTheChat() throws Exception {
		Chat existing = new Chat(CHAT, ChatType.DIRECT, null, List.of(new MemberSummary(ALICE, "alice", null)),
				Instant.parse("2026-01-01T00:00:00Z"));
		given(this.creation.create(eq(ALICE), any())).willThrow(new DirectChatExists(existing));

		this.mvc
			.perform(asAlice(post("/api/chats")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"members\":[\"bob\"]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/conflict"))
			.andExpect(jsonPath("$.chat.id").value(CHAT))
			.andExpect(jsonPath("$.chat.members[0].username").value("alice"));
	}

	@Test
	void anUnknownMemberIsA404NamingTheLogin() throws Exception {
		given(this.creation.create(eq(ALICE), any())).willThrow(new UnknownMember("nobody"));

		this.mvc
			.perform(asAlice(post("/api/chats")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"members\":[\"nobody\"]}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Unknown member: nobody"));
	}

	@Test
	void aBrokenRuleIs400AndAnUnavailableDependency503WithRetryAfter() throws Exception {
		BDDMockito.willThrow(new InvalidRequest("A direct chat cannot be left"))
			.given(this.membership)
			.leave(CHAT, ALICE);
		this.mvc.perform(asAlice(delete("/api/chats/" + CHAT + "/members/me")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A direct chat cannot be left"));

		given(this.access.requireMember(anyString(), anyString())).willThrow(new ServiceUnavailable("down"));
		this.mvc.perform(asAlice(get("/api/chats/" + CHAT)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/unavailable"));
	}

	@Test
	void anInvalidBodyIsRefusedBeforeTheServiceIsAsked() throws Exception {
		this.mvc
			.perform(asAlice(post("/api/chats")).contentType(MediaType.APPLICATION_JSON).content("{\"members\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'members'")));
		BDDMockito.then(this.creation).shouldHaveNoInteractions();
	}

	/** The web package's body limit, which the slice's filters need. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RequestLimitProperties.class)
	static class WebSettings {

	}

}
