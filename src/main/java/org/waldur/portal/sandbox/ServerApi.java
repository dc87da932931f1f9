package org.waldur.portal.sandbox;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * {@code version/} (staff only, as in Waldur) and {@code override-settings/} (staff only;
 * the one setting the portal reads: whether providers may activate their own offerings,
 * off as in Waldur's defaults).
 */
@Component
@ConditionalOnSandboxMode
class ServerApi {

	private final SandboxWaldurVersion version;

	ServerApi(SandboxWaldurVersion version) {
		this.version = version;
	}

	ApiResponse version(ApiRequest request) {
		requireStaff(request);
		return ApiResponse.ok(SandboxJson.version(this.version.current()));
	}

	ApiResponse overrideSettings(ApiRequest request) {
		requireStaff(request);
		return ApiResponse
			.ok(JsonNodeFactory.instance.objectNode().put("ALLOW_SERVICE_PROVIDER_OFFERING_MANAGEMENT", false));
	}

	private static void requireStaff(ApiRequest request) {
		if (!request.caller().staff()) {
			throw ApiException.forbidden();
		}
	}

}
