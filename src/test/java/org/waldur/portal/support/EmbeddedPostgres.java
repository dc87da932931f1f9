package org.waldur.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, started from a Maven artifact (no Docker
 * needed). Each caller gets its own fresh database on it.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private static int databases;

	private EmbeddedPostgres() {
	}

	/** Points the Spring datasource of a test context at a new, empty database. */
	public static void register(DynamicPropertyRegistry registry) {
		String url = newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/**
	 * Creates a new empty database and returns its JDBC URL (user and password
	 * "postgres").
	 */
	public static synchronized String newDatabase() {
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = server();
		String name = "portal_test_" + (++databases);
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the data directory is temporary.
				}
			}));
		}
		return server;
	}

}
