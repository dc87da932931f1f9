package org.waldur.portal.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The served OpenAPI document: valid OpenAPI 3.1 (swagger-parser), for signed-in users
 * only, and in step with the code: every {@code /api/v1} handler mapping is documented
 * and every documented operation is served.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theDocumentIsValidOpenApi31AndMatchesTheEndpoints() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs").with(user("auditor").roles("AUDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
		assertThat(parsed.getMessages()).as("swagger-parser messages").isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("portal-token");
		// only the billing types the site agent understands, as the form checks
		Schema<?> billingType = (Schema<?>) parsed.getOpenAPI()
			.getComponents()
			.getSchemas()
			.get("ComponentRow")
			.getProperties()
			.get("billingType");
		assertThat(billingType.getEnum()).map(String::valueOf).containsExactly("usage", "limit", "one");
		Set<String> documented = new TreeSet<>();
		parsed.getOpenAPI()
			.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.keySet()
				.forEach((method) -> documented.add(method.name() + " " + path)));
		assertThat(documented).isEqualTo(served());
		parsed.getOpenAPI().getPaths().forEach((path, item) -> {
			if (item.getPost() != null) {
				assertThat(item.getPost().getParameters()).as("POST %s", path)
					.anyMatch((parameter) -> "Idempotency-Key".equals(parameter.getName())
							&& "header".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired()));
			}
		});
	}

	@Test
	void theDocumentAndSwaggerUiNeedASignedInUser() throws Exception {
		assertThat(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(this.mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(this.mvc.perform(get("/swagger-ui/index.html").with(user("operator").roles("OPERATOR")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	private Set<String> served() {
		Set<String> keys = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					entry.getKey()
						.getMethodsCondition()
						.getMethods()
						.forEach((method) -> keys.add(method.name() + " " + pattern));
				}
			}
		}
		return keys;
	}

}
