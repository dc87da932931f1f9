package org.waldur.portal.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's call log cannot be filled by anonymous requests, and what it keeps is
 * bounded in count and in characters however long the paths are.
 */
class SandboxCallLogBoundsTests extends SandboxTestSupport {

	/** About 8 KB of request line, just below the web server's header limit. */
	private static final String LONG = "users/" + "a".repeat(7_900) + "/";

	@Autowired
	SandboxCallLog calls;

	@Test
	void anonymousAndMadeUpTokenCallsWithLongPathsAreNotKept() {
		long before = this.calls.position();
		int sizeBefore = this.calls.size();
		long charsBefore = this.calls.pathChars();
		for (int i = 0; i < 500; i++) {
			assertThat(get((i % 2 == 0) ? null : "not-a-token-" + i, LONG + i).status()).isIn(401, 404);
		}
		assertThat(this.calls.position()).isEqualTo(before);
		assertThat(this.calls.size()).isEqualTo(sizeBefore);
		assertThat(this.calls.pathChars()).isEqualTo(charsBefore);
	}

	@Test
	void callsWithAnIssuedTokenKeepACutPathAndTheLogStaysWithinItsBounds() {
		long before = this.calls.position();
		assertThat(get(staff(), "users/" + "a".repeat(2_000) + "/").status()).isEqualTo(404);
		SandboxCallLog.Call call = this.calls.since(before).get(0);
		assertThat(call.path()).hasSize(SandboxCallLog.MAX_PATH).startsWith("users/aaa").endsWith("...");

		SandboxCallLog log = new SandboxCallLog();
		String path = "x".repeat(10_000);
		for (int i = 0; i < SandboxCallLog.CAPACITY * 2; i++) {
			log.record(true, "GET", path, true, 200, null);
		}
		assertThat(log.pathChars()).isLessThanOrEqualTo(SandboxCallLog.MAX_PATH_CHARS);
		assertThat(log.size()).isLessThanOrEqualTo(SandboxCallLog.CAPACITY);
		assertThat(log.position()).isEqualTo(SandboxCallLog.CAPACITY * 2);
		for (int i = 0; i < SandboxCallLog.CAPACITY * 2; i++) {
			log.record(true, "GET", "users/", true, 200, null);
		}
		assertThat(log.size()).isEqualTo(SandboxCallLog.CAPACITY);
	}

}
