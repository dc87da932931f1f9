package org.waldur.portal.onboarding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code onboarding_status_count} in step with {@code onboarding_session} on H2, in
 * the same transaction as the change (PostgreSQL does this with a PL/pgSQL trigger).
 * Named by the Flyway migration {@code h2/V43}; H2 instantiates it by name, so it stays
 * public. Not an API for other modules.
 */
public class StatusCountTrigger implements Trigger {

	private int statusColumn = -1;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
			throws SQLException {
		try (PreparedStatement column = connection.prepareStatement("select ordinal_position from "
				+ "information_schema.columns where table_schema = ? and table_name = ? and column_name = 'status'")) {
			column.setString(1, schema);
			column.setString(2, table);
			try (ResultSet rs = column.executeQuery()) {
				if (!rs.next()) {
					throw new SQLException("No status column in " + schema + "." + table);
				}
				this.statusColumn = rs.getInt(1) - 1;
			}
		}
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
			throws SQLException {
		@Nullable Object before = (oldRow != null) ? oldRow[this.statusColumn] : null;
		@Nullable Object after = (newRow != null) ? newRow[this.statusColumn] : null;
		if (Objects.equals(before, after)) {
			return;
		}
		// In status order, like the PostgreSQL trigger.
		if (before != null && (after == null || before.toString().compareTo(after.toString()) < 0)) {
			add(connection, before, -1);
			add(connection, after, 1);
		}
		else {
			add(connection, after, 1);
			add(connection, before, -1);
		}
	}

	private static void add(Connection connection, @Nullable Object status, int delta) throws SQLException {
		if (status == null) {
			return;
		}
		try (PreparedStatement update = connection
			.prepareStatement("update onboarding_status_count set sessions = sessions + ? where status = ?")) {
			update.setInt(1, delta);
			update.setString(2, status.toString());
			update.executeUpdate();
		}
	}

}
