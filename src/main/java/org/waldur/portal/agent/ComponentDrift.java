package org.waldur.portal.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.waldur.Offering;

/**
 * Compares the offering's components as Waldur holds them now with those the onboarding
 * recorded, field by field as the agent's {@code backend_components} uses them: label,
 * measured unit, accounting (billing) type, limit and limit period. The unit factor is
 * the agent's own conversion and is not compared.
 */
final class ComponentDrift {

	private static final String NO_TYPE = "(no type)";

	private ComponentDrift() {
	}

	/** The differences, removed and changed components first, then added ones. */
	static List<ComponentDifference> compare(List<OfferingInput.Component> onboarding,
			List<Offering.OfferingComponent> waldur) {
		Map<String, Offering.OfferingComponent> inWaldur = byType(waldur);
		List<ComponentDifference> differences = new ArrayList<>();
		for (OfferingInput.Component recorded : onboarding) {
			Offering.OfferingComponent current = inWaldur.remove(recorded.type());
			if (current == null) {
				differences.add(ComponentDifference.removed(recorded.type()));
			}
			else {
				changes(recorded, current, differences);
			}
		}
		inWaldur.forEach((type, added) -> differences.add(ComponentDifference.added(type, summary(added))));
		return differences;
	}

	/**
	 * Waldur's components as the agent configuration needs them, each keeping the unit
	 * factor the onboarding recorded for its type; a component added in Waldur takes
	 * Waldur's unit factor.
	 */
	static List<OfferingInput.Component> following(List<OfferingInput.Component> onboarding,
			List<Offering.OfferingComponent> waldur) {
		Map<String, OfferingInput.Component> recorded = onboarding.stream()
			.collect(Collectors.toMap(OfferingInput.Component::type, (c) -> c, (first, second) -> first));
		return waldur.stream().map((current) -> {
			String type = typeOf(current);
			OfferingInput.Component known = recorded.get(type);
			return new OfferingInput.Component(type, orEmpty(current.name()), orEmpty(current.measuredUnit()),
					orEmpty(current.billingType()), blankToNull(current.limitPeriod()), current.limitAmount(),
					(known != null) ? known.unitFactor() : current.unitFactor());
		}).toList();
	}

	/** The hand-over check's finding for these differences. */
	static Finding finding(List<OfferingInput.Component> onboarding, List<Offering.OfferingComponent> waldur) {
		HandoverCheck check = HandoverCheck.OFFERING_COMPONENTS;
		List<ComponentDifference> differences = compare(onboarding, waldur);
		if (differences.isEmpty()) {
			return Finding.passed(check,
					"Waldur holds the " + onboarding.size() + " component" + ((onboarding.size() == 1) ? "" : "s")
							+ " the configuration was made from: "
							+ String.join(", ", onboarding.stream().map(OfferingInput.Component::type).toList()) + ".");
		}
		return Finding.failed(check, "The offering's components in Waldur differ from those of the onboarding: "
				+ String.join("; ", differences.stream().map(ComponentDifference::describe).toList()) + ". "
				+ "The configuration below now follows Waldur; it is only downloaded after you confirm that you "
				+ "reviewed these changes. If a change was a mistake, undo it in Waldur instead.");
	}

	private static void changes(OfferingInput.Component recorded, Offering.OfferingComponent current,
			List<ComponentDifference> differences) {
		String type = recorded.type();
		text(type, "label", current.name(), recorded.name(), differences);
		text(type, "measured unit", current.measuredUnit(), recorded.measuredUnit(), differences);
		text(type, "billing type", current.billingType(), recorded.billingType(), differences);
		if (!Objects.equals(current.limitAmount(), recorded.limitAmount())) {
			differences.add(ComponentDifference.changed(type, "limit", number(current.limitAmount()),
					number(recorded.limitAmount())));
		}
		text(type, "limit period", current.limitPeriod(), recorded.limitPeriod(), differences);
	}

	private static void text(String type, String field, @Nullable String inWaldur, @Nullable String inOnboarding,
			List<ComponentDifference> differences) {
		String waldur = blankToNull(inWaldur);
		String onboarding = blankToNull(inOnboarding);
		if (!Objects.equals(waldur, onboarding)) {
			differences.add(ComponentDifference.changed(type, field, quoted(waldur), quoted(onboarding)));
		}
	}

	private static Map<String, Offering.OfferingComponent> byType(List<Offering.OfferingComponent> components) {
		Map<String, Offering.OfferingComponent> byType = new LinkedHashMap<>();
		components.forEach((component) -> byType.putIfAbsent(typeOf(component), component));
		return byType;
	}

	private static String summary(Offering.OfferingComponent added) {
		Integer factor = added.unitFactor();
		return quoted(blankToNull(added.name())) + ", " + quoted(blankToNull(added.billingType())) + ", "
				+ quoted(blankToNull(added.measuredUnit())) + "; unit_factor " + ((factor != null) ? factor : 1)
				+ " as Waldur has it, check it for the agent";
	}

	private static String typeOf(Offering.OfferingComponent component) {
		String type = blankToNull(component.type());
		return (type != null) ? type : NO_TYPE;
	}

	private static @Nullable String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : null;
	}

	private static @Nullable String number(@Nullable Integer value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
