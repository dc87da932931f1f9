package org.waldur.portal.sandbox;

import java.time.Clock;
import java.util.List;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.waldur.WaldurRole;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Who sees and who may change an offering, after Waldur's default role configuration:
 * staff see everything; a customer's owner sees its offerings; an OFFERING.MANAGER sees
 * its offering and, as the CUSTOMER.MANAGER Waldur grants alongside, every offering of
 * the same customer.
 */
@Component
@ConditionalOnSandboxMode
class OfferingAccess {

	static final String OFFERING_MANAGER = WaldurRole.OFFERING_MANAGER.value();

	private final SandboxOfferings offerings;

	private final SandboxDirectory directory;

	private final Clock clock;

	OfferingAccess(SandboxOfferings offerings, SandboxDirectory directory, Clock clock) {
		this.offerings = offerings;
		this.directory = directory;
		this.clock = clock;
	}

	List<SandboxOffering> visible(SandboxUser user) {
		return this.offerings.all().stream().filter((offering) -> canSee(user, offering)).toList();
	}

	/** The offering if the user may see it, else Waldur's 404. */
	SandboxOffering visibleOffering(SandboxUser user, String uuid) {
		return this.offerings.find(uuid)
			.filter((offering) -> canSee(user, offering))
			.orElseThrow(() -> ApiException.notFound("Offering"));
	}

	boolean canSee(SandboxUser user, SandboxOffering offering) {
		return user.staff() || ownsCustomer(user, offering.customerUuid())
				|| managesCustomer(user, offering.customerUuid());
	}

	boolean ownsCustomer(SandboxUser user, String customerUuid) {
		return this.directory.findCustomer(customerUuid).map((customer) -> customer.isOwnedBy(user)).orElse(false);
	}

	boolean isManager(SandboxUser user, SandboxOffering offering) {
		return this.offerings.roles(offering.uuid())
			.stream()
			.anyMatch((role) -> role.userUuid().equals(user.uuid()) && OFFERING_MANAGER.equals(role.role())
					&& role.activeAt(this.clock.instant()));
	}

	boolean managesCustomer(SandboxUser user, String customerUuid) {
		return this.offerings.rolesOfUser(user.uuid())
			.stream()
			.filter((role) -> OFFERING_MANAGER.equals(role.role()) && role.activeAt(this.clock.instant()))
			.anyMatch((role) -> this.offerings.find(role.offeringUuid())
				.map((offering) -> offering.customerUuid().equals(customerUuid))
				.orElse(false));
	}

	/** The offering in the {@code ProviderOfferingDetails} shape. */
	ObjectNode render(String apiRoot, SandboxOffering offering) {
		SandboxCustomer customer = this.directory.findCustomer(offering.customerUuid()).orElseThrow();
		SandboxCategory category = this.directory.findCategory(offering.categoryUuid()).orElseThrow();
		return SandboxJson.offering(apiRoot, offering, customer, category, this.offerings.components(offering.uuid()),
				this.offerings.plans(offering.uuid()));
	}

}
