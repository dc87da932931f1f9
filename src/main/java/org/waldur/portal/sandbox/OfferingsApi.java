package org.waldur.portal.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.OfferingState;
import org.waldur.portal.waldur.WaldurVocabulary;

import org.springframework.stereotype.Component;

/**
 * {@code marketplace-provider-offerings/}: create, list (with Waldur's filters) and
 * retrieve provider offerings.
 */
@Component
@ConditionalOnSandboxMode
class OfferingsApi {

	private static final List<String> STATES = WaldurVocabulary.values(OfferingState.class);

	private final SandboxOfferings offerings;

	private final SandboxDirectory directory;

	private final OfferingAccess access;

	private final Clock clock;

	private final SandboxWaldurVersion version;

	OfferingsApi(SandboxOfferings offerings, SandboxDirectory directory, OfferingAccess access, Clock clock,
			SandboxWaldurVersion version) {
		this.version = version;
		this.offerings = offerings;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	ApiResponse create(ApiRequest request) {
		OfferingCreation.NewOffering form = OfferingCreation.read(request.object(),
				(uuid) -> this.directory.findCustomer(uuid).isPresent(),
				(uuid) -> this.directory.findCategory(uuid).isPresent(), this.version.removedPluginOptions());
		SandboxUser caller = request.caller();
		if (!caller.staff() && !this.access.ownsCustomer(caller, form.customerUuid())) {
			throw ApiException.forbidden();
		}
		SandboxOffering offering = new SandboxOffering(Ids.uuid(), form.name(), form.description(), form.customerUuid(),
				form.categoryUuid(), form.type(), form.shared(), form.billable(), SandboxOffering.DRAFT,
				form.pluginOptions().toString(), this.clock.instant(), form.backendId());
		this.offerings.create(offering, form.components(), form.plans());
		return ApiResponse.created(this.access.render(request.apiRoot(), offering));
	}

	ApiResponse list(ApiRequest request) {
		Predicate<SandboxOffering> filter = filter(request);
		List<SandboxOffering> matching = this.access.visible(request.caller()).stream().filter(filter).toList();
		return Pagination.page(request, matching, (offering) -> this.access.render(request.apiRoot(), offering));
	}

	ApiResponse retrieve(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		return ApiResponse.ok(this.access.render(request.apiRoot(), offering));
	}

	private static Predicate<SandboxOffering> filter(ApiRequest request) {
		String nameExact = request.param("name_exact");
		String name = request.param("name");
		String customerUuid = Filters.uuid(request, "customer_uuid");
		String categoryUuid = Filters.uuid(request, "category_uuid");
		List<String> types = request.params("type");
		List<String> states = Filters.choices(request, "state", STATES);
		Boolean shared = Filters.bool(request, "shared");
		Predicate<SandboxOffering> filter = (offering) -> true;
		filter = filter.and((o) -> nameExact == null || o.name().equals(nameExact));
		filter = filter.and((o) -> name == null || contains(o.name(), name));
		filter = filter.and((o) -> customerUuid == null || o.customerUuid().equals(customerUuid));
		filter = filter.and((o) -> categoryUuid == null || o.categoryUuid().equals(categoryUuid));
		filter = filter.and((o) -> types.isEmpty() || types.contains(o.type()));
		filter = filter.and((o) -> states.isEmpty() || states.contains(o.state()));
		return filter.and((o) -> shared == null || o.shared() == shared);
	}

	static boolean contains(String text, @Nullable String part) {
		return part == null || text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
	}

}
