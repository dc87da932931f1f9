package org.waldur.portal.sandbox;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.waldur.portal.waldur.WaldurEndpoint;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths, methods, pagination, customers, categories and the endpoint bean.
 */
class SandboxProtocolTests extends SandboxTestSupport {

	@Autowired
	WaldurEndpoint endpoint;

	@Test
	void endpointPointsAtTheSandboxOnThePortalsPort() {
		assertThat(this.endpoint.sandbox()).isTrue();
		assertThat(this.endpoint.apiRoot()).isEqualTo(URI.create(api("")));
		assertThat(this.endpoint.staffToken()).isEqualTo(staff()).matches("[0-9a-f]{40}");
		assertThat(this.endpoint.toString()).doesNotContain(staff());
	}

	@Test
	void paginationHeadersAndPageSizes() {
		String name = unique("paged-");
		for (int i = 0; i < 12; i++) {
			createOffering(name, true, false);
		}
		String path = "marketplace-provider-offerings/?name_exact=" + name;
		Reply first = get(staff(), path);
		assertThat(first.json().isArray()).isTrue();
		assertThat(first.json()).hasSize(10);
		assertThat(first.header("X-Result-Count")).isEqualTo("12");
		assertThat(first.header("Link"))
			.isEqualTo("<" + api(path) + "&page=2>; rel=\"next\", <" + api(path) + "&page=2>; rel=\"last\"");
		Reply second = get(staff(), path + "&page=2");
		assertThat(second.json()).hasSize(2);
		assertThat(second.header("Link")).contains("rel=\"prev\"").contains("rel=\"first\"").doesNotContain("next");
		assertThat(get(staff(), path + "&page_size=5&page=3").json()).hasSize(2);
		assertThat(get(staff(), path + "&page_size=500").json()).hasSize(12);
		assertThat(get(staff(), path + "&page=4").status()).isEqualTo(404);
		Reply nextPage = get(staff(), api(path + "&page=2"));
		assertThat(nextPage.status()).isEqualTo(200);
	}

	@Test
	void customersForStaffAndOwner() {
		Reply all = get(staff(), "customers/");
		assertThat(all.header("X-Result-Count")).isEqualTo("2");
		Reply own = get(owner(), "customers/");
		assertThat(own.json()).hasSize(1);
		assertThat(own.json().get(0).get("name").stringValue()).isEqualTo(SandboxSeed.PROVIDER_CUSTOMER);
		assertThat(own.json().get(0).get("url").stringValue()).isEqualTo(customerUrl());
		assertThat(get(staff(), "customers/?query=hpc").json()).hasSize(1);
		assertThat(get(staff(), "customers/?name=university").json()).hasSize(1);
	}

	@Test
	void categoriesFilterByTitle() {
		Reply all = get(owner(), "marketplace-categories/");
		assertThat(all.header("X-Result-Count")).isEqualTo("2");
		Reply hpc = get(owner(), "marketplace-categories/?title=hp");
		assertThat(hpc.json()).hasSize(1);
		assertThat(hpc.json().get(0).get("url").stringValue()).isEqualTo(categoryUrl());
	}

	@Test
	void unknownPathIsNotFound() {
		Reply reply = get(staff(), "no-such-thing/");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
		assertThat(get(null, "no-such-thing/").status()).isEqualTo(404);
	}

	@Test
	void wrongMethodIsNotAllowed() {
		Reply reply = send(staff(), "DELETE", "users/", null);
		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.body()).isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
		assertThat(post(staff(), "users/me/", "{}").status()).isEqualTo(405);
	}

	@Test
	void malformedJsonIsAParseError() {
		Reply reply = post(staff(), "users/", "{\"username\": ");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("detail").stringValue()).startsWith("JSON parse error - ");
	}

	@Test
	void apiResponsesCreateNoSessionAndCarrySecurityHeaders() {
		Reply reply = get(staff(), "users/me/");
		assertThat(reply.header("Set-Cookie")).isNull();
		assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(reply.header("Content-Security-Policy")).isEqualTo(SandboxConfiguration.API_CONTENT_SECURITY_POLICY);
		assertThat(reply.header("Content-Type")).startsWith("application/json");
	}

}
