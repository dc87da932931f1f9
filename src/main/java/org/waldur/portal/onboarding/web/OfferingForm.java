package org.waldur.portal.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.onboarding.OfferingInput;

/**
 * The offering step's form, validated with Waldur's own rules (lengths, patterns, enums)
 * so that Waldur rarely has to reject it. Each component needs its own type.
 */
@UniqueComponentTypes
public class OfferingForm {

	@NotBlank(message = "Enter the name of the offering.")
	@Size(max = 150, message = "Waldur accepts at most 150 characters.")
	private @Nullable String name;

	@Size(max = 4096, message = "Waldur accepts at most 4096 characters.")
	private @Nullable String description;

	@NotBlank(message = "Choose the provider organisation.")
	@Pattern(regexp = "[0-9a-fA-F-]{32,36}", message = "Choose an organisation from the list.")
	private @Nullable String customerUuid;

	@NotBlank(message = "Choose a marketplace category.")
	@Pattern(regexp = "[0-9a-fA-F-]{32,36}", message = "Choose a category from the list.")
	private @Nullable String categoryUuid;

	@Valid
	@Size(min = 1, max = 20, message = "Add between 1 and 20 components.")
	private List<@NotNull(
			message = "Fill in this component or leave it out.") ComponentRow> components = new ArrayList<>();

	@Valid
	@Size(min = 1, max = 10, message = "Add between 1 and 10 plans.")
	private List<@NotNull(message = "Fill in this plan or leave it out.") PlanRow> plans = new ArrayList<>();

	private boolean shared = true;

	@Size(max = 64, message = "SLURM accepts cluster names of at most 64 characters.")
	@Pattern(regexp = "[A-Za-z0-9_-]*",
			message = "Use only letters, digits, underscores (_) and hyphens (-), as in the ClusterName of slurm.conf.")
	private @Nullable String backendId;

	@Size(max = 255, message = "A Waldur token has at most 255 characters.")
	@Pattern(regexp = "[A-Za-z0-9_\\-.]*", message = "A Waldur token has only letters, digits, dots and dashes.")
	private @Nullable String ownerToken;

	private boolean forgetOwnerToken;

	private @Nullable String customerQuery;

	private @Nullable String categoryQuery;

	/** A new form with the defaults of the onboarding document. */
	static OfferingForm defaults() {
		OfferingForm form = new OfferingForm();
		form.components.add(ComponentRow.nodeHours());
		form.plans.add(PlanRow.defaults());
		return form;
	}

	/** The defaults, with the draft's name as the offering's name to start from. */
	static OfferingForm named(String draftName) {
		OfferingForm form = defaults();
		form.name = "New onboarding".equals(draftName) ? null : draftName;
		return form;
	}

	static OfferingForm of(OfferingInput input) {
		OfferingForm form = new OfferingForm();
		form.name = input.name();
		form.description = input.description();
		form.customerUuid = input.customerUuid();
		form.categoryUuid = uuidOf(input.categoryUrl());
		input.components().forEach((component) -> form.components.add(ComponentRow.of(component)));
		input.plans().forEach((plan) -> form.plans.add(PlanRow.of(plan)));
		form.shared = input.shared();
		form.backendId = input.backendId();
		return form;
	}

	OfferingInput toInput(Pickers.Choice customer, Pickers.Choice category) {
		return new OfferingInput(trimmed(this.name), trimmed(this.description), customer.url(), customer.uuid(),
				customer.name(), category.url(), category.name(),
				this.components.stream().map(ComponentRow::toInput).toList(),
				this.plans.stream().map(PlanRow::toInput).toList(), this.shared,
				trimmed(this.backendId).isEmpty() ? null : trimmed(this.backendId));
	}

	static String uuidOf(String url) {
		String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	static String trimmed(@Nullable String value) {
		return (value != null) ? value.trim() : "";
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

	public @Nullable String getCustomerUuid() {
		return this.customerUuid;
	}

	public void setCustomerUuid(@Nullable String customerUuid) {
		this.customerUuid = customerUuid;
	}

	public @Nullable String getCategoryUuid() {
		return this.categoryUuid;
	}

	public void setCategoryUuid(@Nullable String categoryUuid) {
		this.categoryUuid = categoryUuid;
	}

	public List<ComponentRow> getComponents() {
		return this.components;
	}

	public void setComponents(@Nullable List<ComponentRow> components) {
		// none is an empty list, which the size check refuses
		this.components = (components != null) ? components : new ArrayList<>();
	}

	public List<PlanRow> getPlans() {
		return this.plans;
	}

	public void setPlans(@Nullable List<PlanRow> plans) {
		this.plans = (plans != null) ? plans : new ArrayList<>();
	}

	public boolean isShared() {
		return this.shared;
	}

	public void setShared(boolean shared) {
		this.shared = shared;
	}

	public @Nullable String getBackendId() {
		return this.backendId;
	}

	public void setBackendId(@Nullable String backendId) {
		this.backendId = backendId;
	}

	public @Nullable String getOwnerToken() {
		return this.ownerToken;
	}

	public void setOwnerToken(@Nullable String ownerToken) {
		this.ownerToken = ownerToken;
	}

	public boolean isForgetOwnerToken() {
		return this.forgetOwnerToken;
	}

	public void setForgetOwnerToken(boolean forgetOwnerToken) {
		this.forgetOwnerToken = forgetOwnerToken;
	}

	public @Nullable String getCustomerQuery() {
		return this.customerQuery;
	}

	public void setCustomerQuery(@Nullable String customerQuery) {
		this.customerQuery = customerQuery;
	}

	public @Nullable String getCategoryQuery() {
		return this.categoryQuery;
	}

	public void setCategoryQuery(@Nullable String categoryQuery) {
		this.categoryQuery = categoryQuery;
	}

	@Override
	public String toString() {
		return "OfferingForm[name=" + this.name + ", ownerToken=" + ((this.ownerToken != null) ? "******" : null) + "]";
	}

}
