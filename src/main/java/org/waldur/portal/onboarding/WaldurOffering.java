package org.waldur.portal.onboarding;

import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * What an onboarding knows of its offering in Waldur: the provider organisation chosen on
 * the offering step, and the offering, its plans and components once Waldur holds them. A
 * value: every change makes a new one.
 */
@Embeddable
public class WaldurOffering {

	/** Nothing known yet. */
	static final WaldurOffering NONE = new WaldurOffering();

	private @Nullable String customerUuid;

	private @Nullable String customerName;

	private @Nullable String offeringUuid;

	private @Nullable String offeringUrl;

	private @Nullable String offeringState;

	@Convert(converter = JsonColumn.Strings.class)
	private String @Nullable [] planUuids;

	@Convert(converter = JsonColumn.Strings.class)
	private String @Nullable [] componentUuids;

	protected WaldurOffering() {
	}

	private WaldurOffering(@Nullable String customerUuid, @Nullable String customerName, @Nullable String offeringUuid,
			@Nullable String offeringUrl, @Nullable String offeringState, String @Nullable [] planUuids,
			String @Nullable [] componentUuids) {
		this.customerUuid = customerUuid;
		this.customerName = customerName;
		this.offeringUuid = offeringUuid;
		this.offeringUrl = offeringUrl;
		this.offeringState = offeringState;
		this.planUuids = planUuids;
		this.componentUuids = componentUuids;
	}

	/** The same, for the organisation {@code uuid} named {@code name}. */
	WaldurOffering forCustomer(@Nullable String uuid, @Nullable String name) {
		return new WaldurOffering(uuid, name, this.offeringUuid, this.offeringUrl, this.offeringState, this.planUuids,
				this.componentUuids);
	}

	/** The same, with the offering Waldur holds. */
	WaldurOffering created(String uuid, @Nullable String url, @Nullable String state, List<String> plans,
			List<String> components) {
		return new WaldurOffering(this.customerUuid, this.customerName, uuid, url, state, plans.toArray(String[]::new),
				components.toArray(String[]::new));
	}

	/** The same, with the offering in {@code state}. */
	WaldurOffering inState(String state) {
		return new WaldurOffering(this.customerUuid, this.customerName, this.offeringUuid, this.offeringUrl, state,
				this.planUuids, this.componentUuids);
	}

	public @Nullable String getCustomerUuid() {
		return this.customerUuid;
	}

	public @Nullable String getCustomerName() {
		return this.customerName;
	}

	public @Nullable String getOfferingUuid() {
		return this.offeringUuid;
	}

	public @Nullable String getOfferingUrl() {
		return this.offeringUrl;
	}

	public @Nullable String getOfferingState() {
		return this.offeringState;
	}

	public List<String> getPlanUuids() {
		return (this.planUuids != null) ? List.of(this.planUuids) : List.of();
	}

	public List<String> getComponentUuids() {
		return (this.componentUuids != null) ? List.of(this.componentUuids) : List.of();
	}

	/** Whether Waldur holds the offering. */
	public boolean exists() {
		return this.offeringUuid != null;
	}

}
