package org.waldur.portal.waldur;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A new SLURM offering ({@code Marketplace.Slurm}) for
 * {@link WaldurClient#createOffering}.
 *
 * @param name the offering's name (at most 150 characters)
 * @param description a short description, may be empty
 * @param customer URL of the service-provider organisation, such as
 * {@code https://waldur.example.com/api/customers/<uuid>/}
 * @param category URL of the marketplace category
 * @param components the accounting components (CPU, memory, ...)
 * @param plans the plans; Waldur activates only offerings with at least one
 * @param shared whether the offering is shared; Waldur grants roles on shared offerings
 * only
 * @param backendId the offering's {@code backend_id}: the SLURM cluster name the agent's
 * {@code cluster_name} must equal, or {@code null} to leave it empty
 */
public record OfferingRequest(String name, String description, URI customer, URI category,
		List<OfferingComponentRequest> components, List<OfferingPlanRequest> plans, boolean shared,
		@Nullable String backendId) {

	/** The offering type of SLURM offerings served by the Waldur site agent. */
	public static final String SLURM_TYPE = "Marketplace.Slurm";

	/** An offering without a {@code backend_id}. */
	public OfferingRequest(String name, String description, URI customer, URI category,
			List<OfferingComponentRequest> components, List<OfferingPlanRequest> plans, boolean shared) {
		this(name, description, customer, category, components, plans, shared, null);
	}

	public OfferingRequest {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(customer, "customer");
		Objects.requireNonNull(category, "category");
		components = List.copyOf(components);
		plans = List.copyOf(plans);
	}

}
