package org.waldur.portal.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries over onboardings for the other modules (the support desk's list, the
 * audit trail), with plain SQL that reads only the columns asked for. The tables stay
 * onboarding's: callers get value types, never rows or entities.
 */
@Service
@Transactional(readOnly = true)
public class OnboardingDirectory {

	private static final String COLUMNS = "s.id, s.title, s.status, s.current_step, s.created_by, s.assignee, "
			+ "s.customer_name, s.offering_uuid, s.username, s.created_at, s.updated_at, s.agent_seen_at";

	private final JdbcClient jdbc;

	OnboardingDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sessions per status matching {@code filter} without its status part, every status
	 * present. Unfiltered, they come from the counters the database keeps (migrations
	 * V13, V43) instead of counting every session.
	 */
	public Map<OnboardingStatus, Long> counts(Filter filter, Viewer viewer) {
		SqlConditions conditions = conditions(filter, viewer);
		Map<OnboardingStatus, Long> counts = new EnumMap<>(OnboardingStatus.class);
		for (OnboardingStatus status : OnboardingStatus.values()) {
			counts.put(status, 0L);
		}
		String sql = conditions.isEmpty() ? "select status, sessions from onboarding_status_count"
				: "select s.status, count(*) from onboarding_session s" + conditions.where() + " group by s.status";
		this.jdbc.sql(sql).params(conditions.values()).query((rs) -> {
			counts.put(OnboardingStatus.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * The sessions matching {@code filter}, sorted by {@code order}, {@code limit} of
	 * them after skipping {@code offset}.
	 */
	public List<Summary> summaries(Filter filter, Order order, boolean ascending, long offset, long limit,
			Viewer viewer) {
		SqlConditions conditions = conditions(filter, viewer);
		if (filter.status() != null) {
			conditions.add("s.status = ?", filter.status().name());
		}
		List<Object> params = new ArrayList<>(conditions.values());
		params.add(limit);
		params.add(offset);
		return this.jdbc
			.sql("select " + COLUMNS + " from onboarding_session s" + conditions.where() + " order by "
					+ order.orderBy(ascending) + " limit ? offset ?")
			.params(params)
			.query(OnboardingDirectory::summary)
			.list();
	}

	/**
	 * Everyone who started an onboarding or has one assigned, that {@code viewer} can
	 * see, by name.
	 */
	public List<String> people(Viewer viewer) {
		SqlConditions where = conditions(Filter.NONE, viewer);
		List<Object> params = new ArrayList<>(where.values());
		params.addAll(where.values());
		return this.jdbc
			.sql("select created_by as name from onboarding_session s" + where.where()
					+ " union select assignee from onboarding_session s" + where.where()
					+ (where.isEmpty() ? " where " : " and ") + "s.assignee is not null order by 1")
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * The title and status of a session, or empty when there is none; for auditors, who
	 * read every session (the caller checks the role).
	 */
	public Optional<Heading> heading(long sessionId) {
		return this.jdbc.sql("select title, status from onboarding_session where id = ?")
			.param(sessionId)
			.query((rs, row) -> new Heading(rs.getString("title"), rs.getString("status")))
			.optional();
	}

	/**
	 * Every step attempt of a session as stored, oldest first; for auditors (the caller
	 * checks the role).
	 */
	public List<Attempt> attempts(long sessionId) {
		return this.jdbc
			.sql("select id, step, attempt_no, outcome, actor, started_at, ended_at, duration_ms, http_method, url, "
					+ "response_status, request_body, response_body, message from onboarding_step_attempt "
					+ "where session_id = ? order by id")
			.param(sessionId)
			.query(OnboardingDirectory::attempt)
			.list();
	}

	private static SqlConditions conditions(Filter filter, Viewer viewer) {
		SqlConditions where = new SqlConditions();
		if (!viewer.seesAll()) {
			where.add("(s.created_by = ? or s.assignee = ?)", viewer.username(), viewer.username());
		}
		if (filter.step() != null) {
			where.add("s.current_step = ?", filter.step().name());
		}
		if (filter.attention()) {
			// Failed or unknown steps, and runs the sweeper found interrupted: all stored
			// as the session's status.
			where.add("s.status = 'NEEDS_ATTENTION'");
		}
		// People are found by any part of their name, whatever its case.
		if (filter.createdBy() != null) {
			where.add("lower(s.created_by) like ?", "%" + SqlConditions.literal(lower(filter.createdBy())) + "%");
		}
		if (filter.assignee() != null) {
			where.add("lower(s.assignee) like ?", "%" + SqlConditions.literal(lower(filter.assignee())) + "%");
		}
		if (filter.customer() != null) {
			where.add("(s.customer_uuid = ? or lower(s.customer_name) like ?)", filter.customer(),
					SqlConditions.literal(lower(filter.customer())) + "%");
		}
		if (filter.from() != null) {
			where.add("s.created_at >= ?", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.add("s.created_at < ?", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.text() != null) {
			String text = SqlConditions.literal(lower(filter.text()));
			where.add("(lower(s.title) like ? or s.offering_uuid like ? or s.username like ?)", "%" + text + "%",
					text + "%", text + "%");
		}
		return where;
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	private static Summary summary(ResultSet rs, int rowNum) throws SQLException {
		return new Summary(rs.getLong("id"), rs.getString("title"), OnboardingStatus.valueOf(rs.getString("status")),
				OnboardingStep.valueOf(rs.getString("current_step")), rs.getString("created_by"),
				rs.getString("assignee"), rs.getString("customer_name"), rs.getString("offering_uuid"),
				rs.getString("username"), instant(rs, "created_at"), instant(rs, "updated_at"),
				Optional.ofNullable(rs.getObject("agent_seen_at", OffsetDateTime.class))
					.map(OffsetDateTime::toInstant)
					.orElse(null));
	}

	private static Attempt attempt(ResultSet rs, int row) throws SQLException {
		long durationMs = rs.getLong("duration_ms");
		@Nullable Long duration = rs.wasNull() ? null : durationMs;
		int responseStatus = rs.getInt("response_status");
		@Nullable Integer status = rs.wasNull() ? null : responseStatus;
		return new Attempt(rs.getLong("id"), rs.getString("step"), rs.getInt("attempt_no"), rs.getString("outcome"),
				rs.getString("actor"), instant(rs, "started_at"), instant(rs, "ended_at"), duration,
				rs.getString("http_method"), rs.getString("url"), status, rs.getString("request_body"),
				rs.getString("response_body"), rs.getString("message"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * Which onboardings to list; every part is optional.
	 *
	 * @param status only sessions in this status
	 * @param step only sessions whose current step is this one
	 * @param attention only sessions needing attention
	 * @param createdBy only sessions started by someone whose name contains this
	 * @param assignee only sessions assigned to someone whose name contains this
	 * @param customer provider organisation: its UUID, or the start of its name
	 * @param from only sessions started on or after this day (UTC)
	 * @param to only sessions started on or before this day (UTC)
	 * @param text contained in the offering name, or the start of the offering UUID or of
	 * the service username
	 */
	public record Filter(@Nullable OnboardingStatus status, @Nullable OnboardingStep step, boolean attention,
			@Nullable String createdBy, @Nullable String assignee, @Nullable String customer, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String text) {

		/** No filter at all. */
		public static final Filter NONE = new Filter(null, null, false, null, null, null, null, null, null);

	}

	/**
	 * The orders a list can be read in. Each maps to indexed SQL; nothing a user types
	 * reaches the {@code order by} clause.
	 */
	public enum Order {

		/** Last change. */
		UPDATED("s.updated_at"),

		/** Start of the onboarding. */
		CREATED("s.created_at"),

		/** Offering name. */
		TITLE("s.title"),

		/** Status, then last change. */
		STATUS("s.status");

		private final String column;

		Order(String column) {
			this.column = column;
		}

		String orderBy(boolean ascending) {
			String direction = ascending ? " asc" : " desc";
			String then = (this == STATUS) ? ", s.updated_at" + direction : "";
			return this.column + direction + then + ", s.id" + direction;
		}

	}

	/**
	 * One onboarding as a list shows it.
	 *
	 * @param id session id
	 * @param title offering name
	 * @param status session status
	 * @param currentStep the step it stands at
	 * @param createdBy who started it
	 * @param assignee who it is assigned to
	 * @param customerName the provider organisation
	 * @param offeringUuid the offering in Waldur, once created
	 * @param username the service account, once created
	 * @param createdAt when it was started
	 * @param updatedAt when it last changed
	 * @param agentSeenAt when its site agent was first seen registered in Waldur, or
	 * {@code null}
	 */
	public record Summary(long id, String title, OnboardingStatus status, OnboardingStep currentStep, String createdBy,
			@Nullable String assignee, @Nullable String customerName, @Nullable String offeringUuid,
			@Nullable String username, Instant createdAt, Instant updatedAt, @Nullable Instant agentSeenAt) {

	}

	/**
	 * What names a session in a trail.
	 *
	 * @param title its title
	 * @param status its status
	 */
	public record Heading(String title, String status) {

	}

	/**
	 * One step attempt as stored; bodies were masked before they were stored and are
	 * {@code null} once retention has removed them.
	 *
	 * @param id attempt id
	 * @param step step name
	 * @param attemptNo number of the attempt within its step
	 * @param outcome how it ended
	 * @param actor who ran it
	 * @param startedAt when it started
	 * @param endedAt when it ended
	 * @param durationMs duration of the decisive Waldur call
	 * @param httpMethod method of that call
	 * @param url URL of that call
	 * @param responseStatus Waldur's status
	 * @param requestBody masked request body
	 * @param responseBody masked response body
	 * @param message what the user was told
	 */
	public record Attempt(long id, String step, int attemptNo, String outcome, String actor, Instant startedAt,
			Instant endedAt, @Nullable Long durationMs, @Nullable String httpMethod, @Nullable String url,
			@Nullable Integer responseStatus, @Nullable String requestBody, @Nullable String responseBody,
			String message) {

	}

}
