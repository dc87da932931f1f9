package org.waldur.portal.waldur;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waldur's vocabularies: each enum holds exactly the values of its 8.0.5 schema enum, and
 * maps them on the wire by Waldur's value, not the Java name.
 */
class WaldurVocabularyTests {

	private static final JsonMapper json = WaldurJson.mapper();

	record Holder(BillingType billingType) {
	}

	static Stream<Arguments> schemaEnums() {
		return Stream.of(Arguments.of(BillingType.class, "BillingTypeEnum"),
				Arguments.of(LimitPeriod.class, "LimitPeriodEnum"), Arguments.of(BillingUnit.class, "BillingUnit"),
				Arguments.of(UsernamePolicy.class, "UsernameGenerationPolicyEnum"),
				Arguments.of(AccountNamePolicy.class, "AccountNameGenerationPolicyEnum"),
				Arguments.of(OfferingState.class, "OfferingState"));
	}

	@ParameterizedTest
	@MethodSource("schemaEnums")
	<E extends Enum<E> & WaldurVocabulary> void holdsTheValuesOfTheSchema(Class<E> type, String schema)
			throws IOException {
		assertThat(WaldurVocabulary.values(type)).containsExactlyInAnyOrderElementsOf(schemaEnum(schema));
	}

	@ParameterizedTest
	@MethodSource("schemaEnums")
	<E extends Enum<E> & WaldurVocabulary> void writesAndReadsWaldursValue(Class<E> type, String schema) {
		for (E word : type.getEnumConstants()) {
			String written = json.writeValueAsString(word);
			assertThat(written).isEqualTo("\"" + word.value() + "\"");
			assertThat(json.readValue(written, type)).isSameAs(word);
			assertThat(WaldurVocabulary.of(type, word.value())).isSameAs(word);
			assertThat(word).hasToString(word.value());
		}
	}

	@Test
	void knowsItsWords() {
		assertThat(BillingType.of("usage")).isSameAs(BillingType.USAGE);
		assertThat(LimitPeriod.of("quarterly")).isSameAs(LimitPeriod.QUARTERLY);
		assertThat(BillingUnit.of("half_month")).isSameAs(BillingUnit.HALF_MONTH);
		assertThat(BillingUnit.HALF_MONTH.label()).isEqualTo("Per half month (half_month)");
		assertThat(UsernamePolicy.of("service_provider")).isSameAs(UsernamePolicy.SERVICE_PROVIDER);
		assertThat(AccountNamePolicy.of("project_slug")).isSameAs(AccountNamePolicy.PROJECT_SLUG);
		assertThat(OfferingState.of("Active")).isSameAs(OfferingState.ACTIVE);
		assertThat(WaldurRole.of("OFFERING.MANAGER")).isSameAs(WaldurRole.OFFERING_MANAGER);
		assertThat(BillingType.siteAgentTypes()).containsExactly(BillingType.USAGE, BillingType.LIMIT, BillingType.ONE);
	}

	@Test
	void refusesTheJavaNameAndUnknownValues() {
		assertThatThrownBy(() -> BillingType.of("USAGE")).isInstanceOf(UnknownWaldurValueException.class)
			.hasMessage("Not a Waldur BillingType: 'USAGE'")
			.satisfies(
					(ex) -> assertThat(((UnknownWaldurValueException) ex).vocabulary()).isEqualTo(BillingType.class));
		assertThatThrownBy(() -> WaldurRole.of("offering.manager")).isInstanceOf(UnknownWaldurValueException.class);
		assertThat(WaldurVocabulary.find(OfferingState.class, "active")).isEmpty();
		assertThat(WaldurVocabulary.find(OfferingState.class, null)).isEmpty();
		assertThatThrownBy(() -> json.readValue("{\"billing_type\": \"free-money\"}", Holder.class))
			.isInstanceOf(DatabindException.class)
			.hasRootCauseInstanceOf(UnknownWaldurValueException.class);
	}

	@Test
	void readsBlankJsonAsNone() {
		assertThat(json.readValue("{\"billing_type\": \"\"}", Holder.class).billingType()).isNull();
		assertThat(json.readValue("{\"billing_type\": null}", Holder.class).billingType()).isNull();
	}

	/** The values of an enum schema of the 8.0.5 OpenAPI document. */
	private static List<String> schemaEnum(String schema) throws IOException {
		String text;
		try (InputStream in = Objects
			.requireNonNull(OpenApiContract.class.getResourceAsStream(OpenApiContract.RESOURCE))) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String start = "\n    " + schema + ":\n      enum:\n";
		int at = text.indexOf(start);
		assertThat(at).as(schema).isNotNegative();
		List<String> values = new ArrayList<>();
		for (String line : text.substring(at + start.length()).split("\n")) {
			if (!line.startsWith("      - ")) {
				break;
			}
			values.add(line.substring(8).trim());
		}
		return values;
	}

}
