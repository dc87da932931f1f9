package org.waldur.portal.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * {@code marketplace-service-providers/}: every signed-in user sees every provider
 * (filters {@code customer_uuid} and {@code customer}); registering one needs
 * {@code SERVICE_PROVIDER.REGISTER} on the organisation, which only staff hold by
 * default, and an organisation has at most one provider.
 */
@Component
@ConditionalOnSandboxMode
class ServiceProvidersApi {

	/** Waldur's answer to a second provider for the same organisation. */
	static final String ALREADY_EXISTS = "service provider with this customer already exists.";

	private final SandboxDirectory directory;

	private final SandboxOfferings offerings;

	private final Clock clock;

	ServiceProvidersApi(SandboxDirectory directory, SandboxOfferings offerings, Clock clock) {
		this.directory = directory;
		this.offerings = offerings;
		this.clock = clock;
	}

	ApiResponse list(ApiRequest request) {
		String customerUuid = Filters.uuid(request, "customer_uuid");
		String customerUrl = request.param("customer");
		List<SandboxServiceProvider> matching = this.directory.serviceProviders()
			.stream()
			.filter((p) -> customerUuid == null || p.customerUuid().equals(customerUuid))
			.filter((p) -> customerUrl == null
					|| customerUrl.equals(SandboxJson.customerUrl(request.apiRoot(), p.customerUuid())))
			.toList();
		return Pagination.page(request, matching, (provider) -> render(request, provider));
	}

	ApiResponse retrieve(ApiRequest request) {
		SandboxServiceProvider provider = this.directory.findServiceProvider(request.variable("uuid"))
			.orElseThrow(() -> ApiException.notFound("ServiceProvider"));
		return ApiResponse.ok(render(request, provider));
	}

	ApiResponse create(ApiRequest request) {
		FieldReader reader = new FieldReader(request.object());
		String customer = Hyperlinks.read(reader, "customer", "customers", true,
				(uuid) -> this.directory.findCustomer(uuid).isPresent());
		String description = reader.text("description", false, 4096, true, "");
		Boolean notifications = reader.bool("enable_notifications", true);
		if (customer != null && this.directory.findServiceProviderOf(customer).isPresent()) {
			reader.error("customer", ALREADY_EXISTS);
		}
		if (reader.hasErrors()) {
			throw ApiException.badRequest(reader.errors());
		}
		if (!request.caller().staff()) {
			throw ApiException.forbidden();
		}
		SandboxServiceProvider provider = new SandboxServiceProvider(Ids.uuid(), Objects.requireNonNull(customer),
				Objects.requireNonNullElse(description, ""), Boolean.TRUE.equals(notifications), this.clock.instant());
		if (!this.directory.createServiceProvider(provider)) {
			throw ApiException.field("customer", ALREADY_EXISTS);
		}
		return ApiResponse.created(render(request, provider));
	}

	private JsonNode render(ApiRequest request, SandboxServiceProvider provider) {
		SandboxCustomer customer = this.directory.findCustomer(provider.customerUuid()).orElseThrow();
		int count = (int) this.offerings.all()
			.stream()
			.filter((offering) -> offering.customerUuid().equals(customer.uuid()))
			.count();
		return SandboxJson.serviceProvider(request.apiRoot(), provider, customer, count);
	}

}
