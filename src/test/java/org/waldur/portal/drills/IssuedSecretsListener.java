package org.waldur.portal.drills;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Runs after every test method of every Spring test: remembers each sandbox token that
 * exists in the test's database (so the final scan knows every token issued during the
 * run), and checks at once that none of them appears in a recorded step attempt.
 */
public class IssuedSecretsListener implements TestExecutionListener {

	private static final String ATTEMPT_COLUMNS = "coalesce(url, '') || ' ' || coalesce(request_body, '') || ' ' "
			+ "|| coalesce(response_body, '') || ' ' || coalesce(message, '') || ' ' "
			+ "|| coalesce(field_errors, '') || ' ' || coalesce(prior_exchanges, '')";

	@Override
	public void afterTestMethod(TestContext testContext) {
		withDatabase(testContext, (jdbc) -> DrillFiles
			.recordSecrets(jdbc.sql("select token_key from sandbox_token").query(String.class).list()));
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		withDatabase(testContext, (jdbc) -> checkAttempts(jdbc, testContext.getTestClass().getSimpleName()));
	}

	private static void withDatabase(TestContext testContext, java.util.function.Consumer<JdbcClient> action) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		DataSource dataSource = context.getBeanProvider(DataSource.class).getIfAvailable();
		if (dataSource == null) {
			return;
		}
		try {
			action.accept(JdbcClient.create(dataSource));
		}
		catch (RuntimeException ex) {
			// A context without the portal's schema (or already closed) has nothing to
			// record.
		}
	}

	private static long count(JdbcClient jdbc, String sql, String secret) {
		try {
			return jdbc.sql(sql).param(secret).query(Long.class).single();
		}
		catch (RuntimeException ex) {
			// A schema from before the API tables has nothing to check.
			return 0;
		}
	}

	private static void checkAttempts(JdbcClient jdbc, String where) {
		for (String secret : DrillFiles.issuedSecrets()) {
			long hits = jdbc
				.sql("select count(*) from onboarding_step_attempt where position(? in " + ATTEMPT_COLUMNS + ") > 0")
				.param(secret)
				.query(Long.class)
				.single();
			if (hits > 0) {
				DrillFiles.recordFinding(where + ": a token in " + hits + " step attempt record(s)");
			}
			long audited = jdbc
				.sql("select count(*) from audit_entry where position(? in coalesce(detail, '') || ' ' || actor) > 0")
				.param(secret)
				.query(Long.class)
				.single();
			if (audited > 0) {
				DrillFiles.recordFinding(where + ": a token in " + audited + " audit entr(y/ies)");
			}
			long stored = count(jdbc,
					"select count(*) from api_token where position(? in token_hash || ' ' || hint || "
							+ "' ' || name) > 0",
					secret)
					+ count(jdbc, "select count(*) from api_idempotency_key where position(? in "
							+ "coalesce(response_body, '') || ' ' || coalesce(location, '')) > 0", secret);
			if (stored > 0) {
				DrillFiles.recordFinding(where + ": a token in clear in " + stored + " API token or API answer row(s)");
			}
		}
	}

}
