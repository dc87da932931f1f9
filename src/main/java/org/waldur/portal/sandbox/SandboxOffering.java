package org.waldur.portal.sandbox;

import java.time.Instant;

import org.waldur.portal.waldur.OfferingState;

/**
 * A provider offering of the sandbox (without its components and plans).
 *
 * @param uuid Waldur UUID
 * @param name name
 * @param description description
 * @param customerUuid the providing organisation
 * @param categoryUuid the marketplace category
 * @param type plugin type such as {@code Marketplace.Slurm}
 * @param shared whether the offering is accessible to all customers
 * @param billable whether purchase and usage are invoiced
 * @param state display state such as {@code Draft}
 * @param pluginOptions plugin options as JSON text
 * @param created creation time
 */
record SandboxOffering(String uuid, String name, String description, String customerUuid, String categoryUuid,
		String type, boolean shared, boolean billable, String state, String pluginOptions, Instant created,
		String backendId) {

	/** An offering with an empty {@code backend_id}, Waldur's default. */
	SandboxOffering(String uuid, String name, String description, String customerUuid, String categoryUuid, String type,
			boolean shared, boolean billable, String state, String pluginOptions, Instant created) {
		this(uuid, name, description, customerUuid, categoryUuid, type, shared, billable, state, pluginOptions, created,
				"");
	}

	static final String DRAFT = OfferingState.DRAFT.value();

	static final String ACTIVE = OfferingState.ACTIVE.value();

	static final String PAUSED = OfferingState.PAUSED.value();

	static final String ARCHIVED = OfferingState.ARCHIVED.value();

}
