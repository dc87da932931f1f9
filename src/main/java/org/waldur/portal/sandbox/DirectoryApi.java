package org.waldur.portal.sandbox;

import java.util.List;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * {@code customers/} (staff see all, others those they own or manage) and
 * {@code marketplace-categories/}.
 */
@Component
@ConditionalOnSandboxMode
class DirectoryApi {

	private final SandboxDirectory directory;

	private final SandboxOfferings offerings;

	private final OfferingAccess access;

	DirectoryApi(SandboxDirectory directory, SandboxOfferings offerings, OfferingAccess access) {
		this.directory = directory;
		this.offerings = offerings;
		this.access = access;
	}

	ApiResponse customers(ApiRequest request) {
		String query = request.param("query");
		String name = request.param("name");
		String nameExact = request.param("name_exact");
		Boolean owned = Filters.bool(request, "owned_by_current_user");
		Boolean provider = Filters.bool(request, "is_service_provider");
		SandboxUser caller = request.caller();
		List<SandboxCustomer> matching = visibleCustomers(caller).stream()
			.filter((c) -> query == null || OfferingsApi.contains(c.name(), query) || c.uuid().equals(query))
			.filter((c) -> OfferingsApi.contains(c.name(), name))
			.filter((c) -> nameExact == null || c.name().equals(nameExact))
			.filter((c) -> owned == null || !owned || c.isOwnedBy(caller))
			.filter((c) -> provider == null || c.serviceProvider() == provider)
			.toList();
		return Pagination.page(request, matching, (customer) -> renderCustomer(request, customer));
	}

	ApiResponse customer(ApiRequest request) {
		String uuid = request.variable("uuid");
		SandboxCustomer customer = visibleCustomers(request.caller()).stream()
			.filter((c) -> c.uuid().equals(uuid))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Customer"));
		return ApiResponse.ok(renderCustomer(request, customer));
	}

	ApiResponse categories(ApiRequest request) {
		String title = request.param("title");
		List<SandboxCategory> matching = this.directory.categories()
			.stream()
			.filter((category) -> OfferingsApi.contains(category.title(), title))
			.toList();
		return Pagination.page(request, matching, (category) -> renderCategory(request, category));
	}

	ApiResponse category(ApiRequest request) {
		SandboxCategory category = this.directory.findCategory(request.variable("uuid"))
			.orElseThrow(() -> ApiException.notFound("Category"));
		return ApiResponse.ok(renderCategory(request, category));
	}

	private List<SandboxCustomer> visibleCustomers(SandboxUser caller) {
		return this.directory.customers()
			.stream()
			.filter((c) -> caller.staff() || c.isOwnedBy(caller) || this.access.managesCustomer(caller, c.uuid()))
			.toList();
	}

	private JsonNode renderCustomer(ApiRequest request, SandboxCustomer customer) {
		return SandboxJson.customer(request.apiRoot(), customer, (customer.ownerUuid() != null) ? 1 : 0);
	}

	private JsonNode renderCategory(ApiRequest request, SandboxCategory category) {
		int count = (int) this.offerings.all()
			.stream()
			.filter((offering) -> offering.categoryUuid().equals(category.uuid())
					&& SandboxOffering.ACTIVE.equals(offering.state()))
			.count();
		return SandboxJson.category(request.apiRoot(), category, count);
	}

}
