package org.waldur.portal.sandbox;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Actions on one provider offering: {@code update_integration/} and the state changes
 * {@code activate/}, {@code pause/} and {@code archive/}. Order of checks as in Waldur:
 * visibility (404), permission (403), validators (400), body (400).
 */
@Component
@ConditionalOnSandboxMode
class OfferingActionsApi {

	private final SandboxOfferings offerings;

	private final OfferingAccess access;

	private final SandboxWaldurVersion version;

	OfferingActionsApi(SandboxOfferings offerings, OfferingAccess access, SandboxWaldurVersion version) {
		this.version = version;
		this.offerings = offerings;
		this.access = access;
	}

	/** Merges plugin options key by key; answers 200 with an empty body. */
	ApiResponse updateIntegration(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		requireManager(request.caller(), offering);
		if (SandboxOffering.ARCHIVED.equals(offering.state())) {
			throw ApiException.invalid("It is not possible to update archived offering.");
		}
		ObjectNode body = request.object();
		ObjectNode errors = JsonNodeFactory.instance.objectNode();
		ObjectNode submitted = readOptions(body, "plugin_options", errors);
		readOptions(body, "secret_options", errors);
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors);
		}
		if (submitted != null) {
			ObjectNode merged = (ObjectNode) JsonMapper.shared().readTree(offering.pluginOptions());
			merged.setAll(submitted);
			this.offerings.updatePluginOptions(offering.uuid(), merged);
		}
		return ApiResponse.empty(200);
	}

	/** Draft or Paused with at least one plan → Active; staff only. */
	ApiResponse activate(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		if (!request.caller().staff()) {
			throw ApiException.forbidden();
		}
		boolean allowed = Set.of(SandboxOffering.DRAFT, SandboxOffering.PAUSED).contains(offering.state())
				&& this.offerings.planCount(offering.uuid()) > 0;
		return transition(offering, allowed, SandboxOffering.ACTIVE);
	}

	/** Active → Paused. */
	ApiResponse pause(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		requireManager(request.caller(), offering);
		return transition(offering, SandboxOffering.ACTIVE.equals(offering.state()), SandboxOffering.PAUSED);
	}

	/** Any state but Archived → Archived. */
	ApiResponse archive(ApiRequest request) {
		SandboxOffering offering = this.access.visibleOffering(request.caller(), request.variable("uuid"));
		requireManager(request.caller(), offering);
		return transition(offering, !SandboxOffering.ARCHIVED.equals(offering.state()), SandboxOffering.ARCHIVED);
	}

	private ApiResponse transition(SandboxOffering offering, boolean allowed, String target) {
		if (!allowed) {
			throw ApiException.invalid("Offering state is invalid.");
		}
		this.offerings.updateState(offering.uuid(), target);
		return ApiResponse.ok(SandboxJson.detailState(target));
	}

	private void requireManager(SandboxUser caller, SandboxOffering offering) {
		if (!caller.staff() && !this.access.ownsCustomer(caller, offering.customerUuid())
				&& !this.access.isManager(caller, offering)
				&& !this.access.managesCustomer(caller, offering.customerUuid())) {
			throw ApiException.forbidden();
		}
	}

	private @Nullable ObjectNode readOptions(ObjectNode body, String field, ObjectNode errors) {
		JsonNode value = body.get(field);
		if (value == null) {
			return null;
		}
		if ("secret_options".equals(field)) {
			if (!value.isObject()) {
				errors.putObject(field)
					.putArray("non_field_errors")
					.add("Invalid data. Expected a dictionary, but got " + SandboxJson.pythonType(value) + ".");
			}
			return null;
		}
		return PluginOptions.read(value, field, errors, this.version.removedPluginOptions());
	}

}
