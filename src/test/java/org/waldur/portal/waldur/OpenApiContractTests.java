package org.waldur.portal.waldur;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract validator itself: it must accept what the schema allows and catch what it
 * does not, or the contract tests prove nothing.
 */
class OpenApiContractTests {

	private final OpenApiContract contract = OpenApiContract.load();

	@Test
	void loadsTheDocumentOnce() {
		assertThat(this.contract.version()).isEqualTo("8.0.5");
		assertThat(OpenApiContract.load()).isSameAs(this.contract);
		assertThat(this.contract.hasSchema("OfferingIntegrationUpdateRequest")).isTrue();
		assertThat(this.contract.hasSchema("NoSuchSchema")).isFalse();
	}

	@Test
	void acceptsNullWhereTheSchemaIsNullable() {
		assertThat(this.contract.validate("UserRoleExpirationTime", "{\"expiration_time\": null}")).isEmpty();
		assertThat(this.contract.validate("UserRoleExpirationTime", "{\"expiration_time\": \"2030-01-01T00:00:00Z\"}"))
			.isEmpty();
		assertThat(this.contract.validate("MergedPluginOptionsRequest", "{\"account_name_generation_policy\": null}"))
			.isEmpty();
	}

	@Test
	void rejectsNullWhereTheSchemaIsNotNullable() {
		assertThat(this.contract.validate("UserRoleCreateRequest",
				"{\"role\": null, \"user\": \"0b7c3a3e-8c59-4e43-b3f4-9f1f63a7c3d1\"}"))
			.isNotEmpty();
	}

	@Test
	void reportsMissingRequiredFieldsWrongTypesEnumsAndFormats() {
		assertThat(this.contract.validate("UserRoleCreateRequest", "{\"role\": \"OFFERING.MANAGER\"}"))
			.anyMatch((violation) -> violation.contains("user"));
		assertThat(this.contract.validate("UserRoleExpirationTime", "{\"expiration_time\": 5}")).isNotEmpty();
		assertThat(this.contract.validate("MergedPluginOptionsRequest", "{\"username_generation_policy\": \"bogus\"}"))
			.isNotEmpty();
		assertThat(this.contract.validate("UserRoleCreateRequest", "{\"role\": \"R\", \"user\": \"not-a-uuid\"}"))
			.isNotEmpty();
		assertThat(this.contract.validate("UserRequest", "{\"username\": \"Upper\", \"email\": \"a@example.com\"}"))
			.isNotEmpty();
	}

	@Test
	void closedFormRejectsUndeclaredPropertiesOpenFormDoesNot() {
		String misspelled = "{\"role\": \"R\", \"user\": \"0b7c3a3e-8c59-4e43-b3f4-9f1f63a7c3d1\", \"usr\": 1}";
		assertThat(this.contract.validate("UserRoleCreateRequest", misspelled))
			.anyMatch((violation) -> violation.contains("usr"));
		assertThat(this.contract.validateOpen("UserRoleCreateRequest", misspelled)).isEmpty();
	}

	@Test
	void acceptsWaldursHexUuidsAndValidatesListItems() {
		assertThat(this.contract.validate("UserRoleCreateRequest",
				"{\"role\": \"R\", \"user\": \"0b7c3a3e8c594e43b3f49f1f63a7c3d1\"}"))
			.isEmpty();
		assertThat(
				this.contract.validateList("DetailState", "[{\"detail\": \"d\", \"state\": \"s\"}, {\"detail\": 1}]"))
			.isNotEmpty()
			.allMatch((violation) -> violation.startsWith("[1]"));
	}

	@Test
	void assertValidListsTheViolations() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.contract.assertValid("DetailState", "{\"detail\": \"x\"}"))
			.withMessageContaining("DetailState")
			.withMessageContaining("state");
	}

}
