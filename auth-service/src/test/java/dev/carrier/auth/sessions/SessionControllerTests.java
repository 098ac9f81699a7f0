package dev.carrier.auth.sessions;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.carrier.auth.credentials.HashingBusy;
import dev.carrier.auth.avatars.AvatarProperties;
import dev.carrier.auth.trust.Assertions;
import dev.carrier.auth.web.RequestLimitProperties;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SessionController.class)
@EnableConfigurationProperties({ RequestLimitProperties.class, AvatarProperties.class })
class SessionControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LoginService logins;

	/** The caller resolver checks bearer tokens against it. */
	@MockitoBean
	SessionService sessions;

	/**
	 * The caller check runs in the slice too; logins carry no identity, so it has nothing
	 * to say.
	 */
	@MockitoBean
	Assertions assertions;

	@Test
	void busyHashingPoolIsA429WithRetryAfter() throws Exception {
		given(this.logins.login(anyString(), anyString(), anyString())).willThrow(new HashingBusy());
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"login\":\"someone\",\"password\":\"whatever1\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/busy"))
			.andExpect(jsonPath("$.status").value(429));
	}

	@Test
	void aNameOutOfLoginAttemptsIsA429SayingWhenToComeBack() throws Exception {
		given(this.logins.login(anyString(), anyString(), anyString()))
			.willThrow(new dev.carrier.auth.attempts.TooManyAttempts("Too many login attempts for this name",
					java.time.Duration.ofMillis(11_200)));
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"login\":\"someone\",\"password\":\"whatever1\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "12"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://carrier.dev/problems/too-many-attempts"));
	}

	@Test
	void wrongCredentialsAreA401ThatDoesNotSayWhichWasWrong() throws Exception {
		given(this.logins.login(anyString(), anyString(), anyString()))
			.willThrow(new Unauthenticated("Wrong login or password"));
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"login\":\"someone\",\"password\":\"whatever1\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.detail").value("Wrong login or password"));
	}

	@Test
	void malformedLoginNeverReachesTheService() throws Exception {
		this.mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"login\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").exists())
			.andExpect(jsonPath("$.type").exists());
		this.mvc.perform(post("/api/auth/logout"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.logins, this.sessions);
	}

}
