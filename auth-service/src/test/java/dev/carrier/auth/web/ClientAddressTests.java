package dev.carrier.auth.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void theGatewaysAddressHeaderIsTheClientAndXForwardedForIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.5");
		request.addHeader("X-Forwarded-For", "203.0.113.66");
		assertThat(ClientAddress.of(request)).isEqualTo("10.0.0.5");
		request.addHeader(ClientAddress.HEADER, "198.51.100.7");
		assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.7");
		MockHttpServletRequest v6 = new MockHttpServletRequest();
		v6.addHeader(ClientAddress.HEADER, "2001:db8:0:0:0:0:0:1");
		assertThat(ClientAddress.of(v6)).isEqualTo("2001:db8:0:0:0:0:0:1");
	}

	@Test
	void aHeaderThatIsNoAddressCountsAsTheConnection() {
		for (String odd : new String[] { "", "unknown", "1.2.3.4, 5.6.7.8", "x".repeat(100),
				"1:2:3:" + "a".repeat(60) }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setRemoteAddr("10.0.0.5");
			request.addHeader(ClientAddress.HEADER, odd);
			assertThat(ClientAddress.of(request)).as(odd).isEqualTo("10.0.0.5");
		}
	}

}
