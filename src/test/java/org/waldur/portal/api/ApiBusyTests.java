package org.waldur.portal.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.waldur.portal.sandbox.SandboxCallLog;
import org.waldur.portal.sandbox.SandboxFaults;
import org.waldur.portal.sandbox.SandboxSeed;
import org.waldur.portal.security.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full Waldur bulkhead answers 429 with {@code Retry-After}, sends nothing, and frees
 * the Idempotency-Key: the same request with the same key runs once Waldur has room.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.waldur.max-concurrent-calls=1", "portal.waldur.page-read-timeout=5s" })
class ApiBusyTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	SandboxSeed seed;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxCallLog calls;

	@LocalServerPort
	int port;

	@Test
	void aFullBulkheadIs429AndTheKeyCanBeSentAgain() throws Exception {
		ApiClient api = new ApiClient(this.port, ApiTestTokens.issue(this.tokens, "operator", "busy").secret());
		long first = create(api, "Busy One", "busy_one");
		long second = create(api, "Busy Two", "busy_two");
		String firstRun = runBody(api, first);
		String secondRun = runBody(api, second);
		this.faults.delay("POST", "marketplace-provider-offerings/", Duration.ofSeconds(6), 1);
		CompletableFuture<ApiClient.Answer> holding = CompletableFuture
			.supplyAsync(() -> api.post("/api/v1/onboardings/" + first + "/steps/offering/run", firstRun));
		long started = System.nanoTime();
		while (this.calls.heldNow("marketplace-provider-offerings") == 0
				&& System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
			Thread.sleep(20);
		}
		assertThat(this.calls.heldNow("marketplace-provider-offerings")).as("the first create held").isEqualTo(1);
		ApiClient.Answer busy = api.post("/api/v1/onboardings/" + second + "/steps/offering/run", secondRun,
				"busy-key");
		assertThat(busy.status()).as(busy.raw().body()).isEqualTo(429);
		assertThat(busy.type()).isEqualTo("urn:waldur-portal:problem:waldur-busy");
		assertThat(busy.header("Retry-After")).isEqualTo("5");
		assertThat(holding.get().status()).isEqualTo(200);
		ApiClient.Answer again = api.post("/api/v1/onboardings/" + second + "/steps/offering/run", runBody(api, second),
				"busy-key");
		assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
		assertThat(again.header("Idempotent-Replayed")).isEmpty();
	}

	private long create(ApiClient api, String name, String username) {
		ApiClient.Answer created = api.post("/api/v1/onboardings",
				ApiClient.createBody(name, username, this.seed.providerCustomerUuid(), this.seed.categoryUuid("HPC")));
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static String runBody(ApiClient api, long id) {
		return "{\"fingerprint\": \""
				+ api.get("/api/v1/onboardings/" + id + "/steps/offering/preview").json().get("fingerprint").asString()
				+ "\"}";
	}

}
