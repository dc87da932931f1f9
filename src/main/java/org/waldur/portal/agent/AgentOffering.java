package org.waldur.portal.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;

/**
 * What the agent configuration says about the onboarded offering.
 *
 * @param name the offering's name
 * @param waldurApiUrl the Waldur API root, such as
 * {@code https://waldur.example.com/api/}
 * @param offeringUuid the offering's UUID in Waldur
 * @param components the offering's components
 */
record AgentOffering(String name, String waldurApiUrl, String offeringUuid, List<OfferingInput.Component> components,
		@Nullable String backendId) {

	AgentOffering(String name, String waldurApiUrl, String offeringUuid, List<OfferingInput.Component> components) {
		this(name, waldurApiUrl, offeringUuid, components, null);
	}

	AgentOffering {
		components = List.copyOf(components);
	}

	List<String> componentTypes() {
		return this.components.stream().map(OfferingInput.Component::type).toList();
	}

}
