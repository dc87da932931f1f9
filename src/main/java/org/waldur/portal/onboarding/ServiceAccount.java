package org.waldur.portal.onboarding;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The service account the site agent uses, as Waldur identifies it once it exists. A
 * value: every change makes a new one.
 */
@Embeddable
public class ServiceAccount {

	/** No account yet. */
	static final ServiceAccount NONE = new ServiceAccount();

	private @Nullable String userUuid;

	private @Nullable String userUrl;

	private @Nullable String username;

	protected ServiceAccount() {
	}

	ServiceAccount(String userUuid, @Nullable String userUrl, @Nullable String username) {
		this.userUuid = userUuid;
		this.userUrl = userUrl;
		this.username = username;
	}

	public @Nullable String getUserUuid() {
		return this.userUuid;
	}

	public @Nullable String getUserUrl() {
		return this.userUrl;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	/** Whether Waldur holds the account. */
	public boolean exists() {
		return this.userUuid != null;
	}

}
