package org.waldur.portal.onboarding.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;
import org.waldur.portal.waldur.BillingType;
import org.waldur.portal.waldur.LimitPeriod;
import org.waldur.portal.waldur.WaldurVocabulary;

/**
 * One component row of the offering form. Billing types are limited to those Waldur Site
 * Agent understands.
 */
public class ComponentRow {

	/**
	 * The columns of a row as the form shows them: on a wide screen the names on one line
	 * and the billing on the next (seven fields on one line left the lists too narrow to
	 * read), one below the other on a phone.
	 */
	static final List<Column> COLUMNS = List.of(Column.text("type", "Type", "col-md-4"),
			Column.text("name", "Name", "col-md-4"), Column.text("measuredUnit", "Measured unit", "col-md-4"),
			Column.list("billingType", "Billing type", Choice.BILLING_TYPES, "col-md-3"),
			Column.list("limitPeriod", "Limit period", Choice.LIMIT_PERIODS, "col-md-3"),
			Column.number("limitAmount", "Limit", "col-md-2"), Column.number("unitFactor", "Unit factor", "col-md-2"));

	@NotBlank(message = "Enter the component type, such as node_hours.")
	@Size(max = 50, message = "Waldur accepts at most 50 characters.")
	@Pattern(regexp = "[a-zA-Z0-9_\\-/:]*", message = "Use letters, digits and _ - / : only.")
	private @Nullable String type;

	@NotBlank(message = "Enter the display name of the component.")
	@Size(max = 150, message = "Waldur accepts at most 150 characters.")
	private @Nullable String name;

	@NotBlank(message = "Enter the measured unit, such as Node-hours.")
	@Size(max = 30, message = "Waldur accepts at most 30 characters.")
	private @Nullable String measuredUnit;

	@NotNull(message = "Choose a billing type.")
	@SiteAgentBilling
	private @Nullable BillingType billingType = BillingType.USAGE;

	private @Nullable LimitPeriod limitPeriod;

	@Min(value = 0, message = "Use a positive number.")
	@Max(value = Integer.MAX_VALUE, message = "The number is too large for Waldur.")
	private @Nullable Integer limitAmount;

	@Min(value = 1, message = "Use a positive factor.")
	@Max(value = Integer.MAX_VALUE, message = "The number is too large for Waldur.")
	private @Nullable Integer unitFactor = 1;

	static ComponentRow nodeHours() {
		ComponentRow row = new ComponentRow();
		row.type = "node_hours";
		row.name = "Node hours";
		row.measuredUnit = "Node-hours";
		row.billingType = BillingType.USAGE;
		row.unitFactor = 1;
		return row;
	}

	static ComponentRow of(OfferingInput.Component component) {
		ComponentRow row = new ComponentRow();
		row.type = component.type();
		row.name = component.name();
		row.measuredUnit = component.measuredUnit();
		row.billingType = WaldurVocabulary.find(BillingType.class, component.billingType()).orElse(null);
		row.limitPeriod = WaldurVocabulary.find(LimitPeriod.class, component.limitPeriod()).orElse(null);
		row.limitAmount = component.limitAmount();
		row.unitFactor = component.unitFactor();
		return row;
	}

	OfferingInput.Component toInput() {
		return new OfferingInput.Component(OfferingForm.trimmed(this.type), OfferingForm.trimmed(this.name),
				OfferingForm.trimmed(this.measuredUnit), WaldurVocabulary.wireValue(this.billingType, ""),
				WaldurVocabulary.wireValue(this.limitPeriod), this.limitAmount, this.unitFactor);
	}

	public @Nullable String getType() {
		return this.type;
	}

	public void setType(@Nullable String type) {
		this.type = type;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getMeasuredUnit() {
		return this.measuredUnit;
	}

	public void setMeasuredUnit(@Nullable String measuredUnit) {
		this.measuredUnit = measuredUnit;
	}

	public @Nullable BillingType getBillingType() {
		return this.billingType;
	}

	public void setBillingType(@Nullable BillingType billingType) {
		this.billingType = billingType;
	}

	public @Nullable LimitPeriod getLimitPeriod() {
		return this.limitPeriod;
	}

	public void setLimitPeriod(@Nullable LimitPeriod limitPeriod) {
		this.limitPeriod = limitPeriod;
	}

	public @Nullable Integer getLimitAmount() {
		return this.limitAmount;
	}

	public void setLimitAmount(@Nullable Integer limitAmount) {
		this.limitAmount = limitAmount;
	}

	public @Nullable Integer getUnitFactor() {
		return this.unitFactor;
	}

	public void setUnitFactor(@Nullable Integer unitFactor) {
		this.unitFactor = unitFactor;
	}

}
