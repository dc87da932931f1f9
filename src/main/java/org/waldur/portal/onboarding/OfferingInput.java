package org.waldur.portal.onboarding;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the operator entered on the offering step.
 *
 * @param name offering name, also the session's title
 * @param description offering description
 * @param customerUrl Waldur hyperlink of the provider organisation
 * @param customerUuid UUID of that organisation
 * @param customerName its name, for display
 * @param categoryUrl Waldur hyperlink of the marketplace category
 * @param categoryTitle its title, for display
 * @param components the offering's accounting components
 * @param plans the offering's plans (at least one)
 * @param shared whether the offering is shared; Waldur refuses role grants on a
 * non-shared offering
 * @param backendId the SLURM cluster name, sent as the offering's {@code backend_id}; the
 * agent's {@code cluster_name} must equal it; {@code null} when not given
 */
public record OfferingInput(String name, String description, String customerUrl, String customerUuid,
		String customerName, String categoryUrl, String categoryTitle, List<Component> components, List<Plan> plans,
		boolean shared, @Nullable String backendId) {

	/** An offering without a SLURM cluster name. */
	public OfferingInput(String name, String description, String customerUrl, String customerUuid, String customerName,
			String categoryUrl, String categoryTitle, List<Component> components, List<Plan> plans, boolean shared) {
		this(name, description, customerUrl, customerUuid, customerName, categoryUrl, categoryTitle, components, plans,
				shared, null);
	}

	/**
	 * An accounting component of the offering.
	 *
	 * @param type internal name, such as {@code node_hours}
	 * @param name display name
	 * @param measuredUnit unit, such as {@code Node-hours}
	 * @param billingType {@code usage}, {@code limit} or {@code one}
	 * @param limitPeriod {@code month}, {@code quarterly}, {@code annual}, {@code total}
	 * or none
	 * @param limitAmount optional limit
	 * @param unitFactor conversion factor from backend units
	 */
	public record Component(String type, String name, String measuredUnit, String billingType,
			@Nullable String limitPeriod, @Nullable Integer limitAmount, @Nullable Integer unitFactor) {
	}

	/**
	 * A plan of the offering.
	 *
	 * @param name plan name
	 * @param description plan description
	 * @param unit billing unit such as {@code month}
	 */
	public record Plan(String name, String description, String unit) {
	}

}
