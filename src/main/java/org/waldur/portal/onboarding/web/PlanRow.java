package org.waldur.portal.onboarding.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.waldur.BillingUnit;
import org.waldur.portal.waldur.WaldurVocabulary;

/**
 * One plan row of the offering form.
 */
public class PlanRow {

	/** The columns of a row as the form shows them. */
	static final List<Column> COLUMNS = List.of(Column.text("name", "Name", "col-md-3"),
			Column.text("description", "Description", "col-md-4"),
			Column.list("unit", "Billing unit", Choice.PLAN_UNITS, "col-md-3"));

	@NotBlank(message = "Enter the name of the plan.")
	@Size(max = 150, message = "Waldur accepts at most 150 characters.")
	private @Nullable String name;

	@Size(max = 4096, message = "Use at most 4096 characters.")
	private @Nullable String description;

	@NotNull(message = "Choose a billing unit.")
	private @Nullable BillingUnit unit = BillingUnit.MONTH;

	static PlanRow defaults() {
		PlanRow row = new PlanRow();
		row.name = "Default";
		row.description = "Default plan";
		row.unit = BillingUnit.MONTH;
		return row;
	}

	static PlanRow of(OfferingInput.Plan plan) {
		PlanRow row = new PlanRow();
		row.name = plan.name();
		row.description = plan.description();
		row.unit = WaldurVocabulary.find(BillingUnit.class, plan.unit()).orElse(null);
		return row;
	}

	OfferingInput.Plan toInput() {
		return new OfferingInput.Plan(OfferingForm.trimmed(this.name), OfferingForm.trimmed(this.description),
				WaldurVocabulary.wireValue(this.unit, ""));
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable BillingUnit getUnit() {
		return this.unit;
	}

	public void setUnit(@Nullable BillingUnit unit) {
		this.unit = unit;
	}

}
