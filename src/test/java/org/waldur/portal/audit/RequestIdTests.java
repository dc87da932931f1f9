package org.waldur.portal.audit;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids: a caller's id is taken only when well formed and short; new ids are random
 * version-4 UUIDs made without a shared generator.
 */
class RequestIdTests {

	@Test
	void aCallersIdIsTakenOnlyWhenWellFormedAndShort() throws Exception {
		assertThat(idFor("proxy-id-123")).isEqualTo("proxy-id-123");
		assertThat(idFor("a".repeat(64))).isEqualTo("a".repeat(64));
		for (String bad : new String[] { "a".repeat(65), "x".repeat(10_000), "id with spaces", "id\r\nInjected: 1",
				"<script>", "" }) {
			assertThat(idFor(bad)).isNotEqualTo(bad).matches(UUID_V4);
		}
	}

	@Test
	void newIdsAreDistinctVersionFourUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(RequestIdFilter.newId());
		}
		assertThat(ids).hasSize(100_000).allSatisfy((id) -> assertThat(id).matches(UUID_V4));
	}

	private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	private static String idFor(String given) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader(RequestIdFilter.HEADER, given);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new RequestIdFilter().doFilter(request, response, new MockFilterChain());
		return response.getHeader(RequestIdFilter.HEADER);
	}

}
