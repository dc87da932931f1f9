package org.waldur.portal.onboarding;

import javax.sql.DataSource;

import org.waldur.portal.crypto.EncryptedSecrets;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The owner and service-account tokens onboardings store encrypted. */
@Component
class OnboardingSecrets implements EncryptedSecrets {

	private final JdbcTemplate jdbc;

	OnboardingSecrets(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public long countEncrypted() {
		Long count = this.jdbc.queryForObject(
				"select count(owner_token_secret) + count(service_token_secret) " + "from onboarding_session",
				Long.class);
		return (count != null) ? count : 0;
	}

}
