package org.waldur.portal.config;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Stores session attributes with an upsert. Two requests of one browser session that add
 * the same attribute at once (the CSRF token after sign-in, flash messages on a
 * double-click) would otherwise both insert it, and the second would fail on the primary
 * key. The statement is chosen by the database actually in use.
 */
@Configuration(proxyBeanMethods = false)
public class SessionStoreConfiguration {

	/** H2's upsert; {@code %TABLE_NAME%} is replaced by Spring Session. */
	static final String H2_CREATE_SESSION_ATTRIBUTE_QUERY = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(DataSource dataSource) {
		return switch (databaseProduct(dataSource)) {
			case "PostgreSQL" -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
			case "H2" -> (repository) -> repository.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE_QUERY);
			// The portal's migrations exist for H2 and PostgreSQL only.
			default -> (repository) -> {
			};
		};
	}

	private static String databaseProduct(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database stores the HTTP sessions", ex);
		}
	}

}
