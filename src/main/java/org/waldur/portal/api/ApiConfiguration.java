package org.waldur.portal.api;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.waldur.portal.onboarding.Viewer;
import org.waldur.portal.onboarding.web.SiteAgentBilling;
import org.waldur.portal.waldur.BillingType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The API's JSON reading, its idempotency filter (after the API's security chain, so it
 * knows the caller) and the head of its OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	static {
		// The signed-in caller is a handler parameter, not a part of the request.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(keys));
		registration.addUrlPatterns("/api/v1/*");
		return registration;
	}

	/**
	 * Documents the Idempotency-Key header that {@link IdempotencyFilter} requires on
	 * every POST.
	 */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			if (handler.hasMethodAnnotation(PostMapping.class)) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER)
					.required(true)
					.description("A key of your choice (1 to 255 visible characters, such as a UUID): the same key "
							+ "with the same request replays the first answer; with another request it is 422.")
					.schema(new StringSchema().minLength(1).maxLength(255)));
			}
			return operation;
		};
	}

	/**
	 * The JSON converter, reading the API's bodies as {@link ApiBodies} says, in the
	 * place of Boot's (after it, so that it is the one kept; a converter bean instead
	 * would go before the byte-array converter and write bytes as JSON text).
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer apiBodiesJsonConverter(JsonMapper mapper) {
		return (converters) -> converters.withJsonConverter(new ApiBodies.Converter(mapper));
	}

	/**
	 * A component's billing type lists only the types the site agent understands, as
	 * {@code @SiteAgentBilling} checks, not every billing type Waldur has.
	 */
	@Bean
	PropertyCustomizer siteAgentBillingTypes() {
		List<String> known = BillingType.siteAgentTypes().stream().map(BillingType::value).toList();
		return (schema, type) -> {
			Annotation[] annotations = type.getCtxAnnotations();
			if (annotations != null
					&& Arrays.stream(annotations).anyMatch((annotation) -> annotation instanceof SiteAgentBilling)) {
				@SuppressWarnings("unchecked")
				Schema<String> words = (Schema<String>) schema;
				words.setEnum(new ArrayList<>(known));
			}
			return schema;
		};
	}

	@Bean
	OpenAPI portalOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Waldur Onboarding Portal automation API")
				.version("v1")
				.description("The wizard's use cases as JSON: onboardings, their inputs, step previews and runs "
						+ "(with the preview's fingerprint), reconciliation, token refresh, the site agent hand-over. "
						+ "Authenticate with a personal API token from your account page as "
						+ "'Authorization: Bearer <token>'. Every POST needs an Idempotency-Key header. Errors are RFC "
						+ "9457 problem details."))
			.components(new Components().addSecuritySchemes("portal-token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal API token (wop_...) from the account page")));
	}

}
