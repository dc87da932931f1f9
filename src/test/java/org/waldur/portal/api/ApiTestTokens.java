package org.waldur.portal.api;

import java.time.Duration;
import java.util.List;

import org.waldur.portal.drills.DrillFiles;
import org.waldur.portal.security.ApiTokens;

/**
 * Issues API tokens for tests and hands each to the secrets scan, which then looks for it
 * in every log, attempt record, audit entry and stored API answer of the run.
 */
public final class ApiTestTokens {

	private ApiTestTokens() {
	}

	public static ApiTokens.Issued issue(ApiTokens tokens, String username, String name) {
		ApiTokens.Issued issued = tokens.create(username, name, Duration.ofDays(1));
		DrillFiles.recordSecrets(List.of(issued.secret()));
		return issued;
	}

}
