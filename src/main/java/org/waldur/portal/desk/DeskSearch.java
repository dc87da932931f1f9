package org.waldur.portal.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;

import org.waldur.portal.onboarding.Onboarding;
import org.waldur.portal.onboarding.OnboardingStatus;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk list: one page of onboardings matching a filter and the counts per status,
 * read with plain SQL (only the list's columns, no entities). Operators see only
 * onboardings they started or are assigned to.
 */
@Service
@Transactional(readOnly = true)
public class DeskSearch {

	private static final String COLUMNS = "s.id, s.title, s.status, s.current_step, s.created_by, s.assignee, "
			+ "s.customer_name, s.offering_uuid, s.username, s.created_at, s.updated_at, s.agent_seen_at";

	/**
	 * Interrupted sessions listed by id in the "needs attention" filter; more use a
	 * sub-select.
	 */

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Onboarding onboarding;

	DeskSearch(JdbcClient jdbc, Clock clock, Onboarding onboarding) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.onboarding = onboarding;
	}

	/** The page of {@code query}, clamped to the last page, for {@code viewer}. */
	public DeskPage search(DeskQuery query, Viewer viewer) {
		SqlConditions common = conditions(query.filter(), viewer);
		Map<OnboardingStatus, Long> counts = counts(common);
		OnboardingStatus status = query.filter().status();
		long total = (status != null) ? counts.get(status) : counts.values().stream().mapToLong(Long::longValue).sum();
		int lastPage = (int) Math.max(1, (total + query.size() - 1) / query.size());
		DeskQuery page = (query.page() > lastPage) ? query.onPage(lastPage) : query;
		List<DeskRow> rows = (total == 0) ? List.of() : rows(page, common, total);
		return new DeskPage(rows, page.page(), page.size(), total, counts);
	}

	/**
	 * Sessions per status matching {@code conditions}. Without conditions they come from
	 * the counters the database keeps (migration V13) instead of counting every session.
	 */
	private Map<OnboardingStatus, Long> counts(SqlConditions conditions) {
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
	 * Reads one page. Pages past the middle are read from the other end in the reverse
	 * order, so the last page costs as little as the first.
	 */
	private List<DeskRow> rows(DeskQuery query, SqlConditions common, long total) {
		List<Object> params = new ArrayList<>(common.values());
		String where = common.where();
		if (query.filter().status() != null) {
			where += (where.isEmpty() ? " where " : " and ") + "s.status = ?";
			params.add(query.filter().status().name());
		}
		long offset = (long) (query.page() - 1) * query.size();
		boolean fromEnd = offset > total / 2;
		long limit = query.size();
		if (fromEnd) {
			long end = Math.min(total, offset + query.size());
			limit = end - offset;
			offset = total - end;
		}
		params.add(limit);
		params.add(offset);
		List<DeskRow> rows = new ArrayList<>(this.jdbc
			.sql("select " + COLUMNS + " from onboarding_session s" + where + " order by "
					+ query.sort().orderBy(query.ascending() != fromEnd) + " limit ? offset ?")
			.params(params)
			.query(DeskSearch::row)
			.list());
		if (fromEnd) {
			Collections.reverse(rows);
		}
		return rows;
	}

	private SqlConditions conditions(DeskFilter filter, Viewer viewer) {
		SqlConditions where = new SqlConditions();
		if (!viewer.seesAll()) {
			where.add("(s.created_by = ? or s.assignee = ?)", viewer.username(), viewer.username());
		}
		if (filter.step() != null) {
			where.add("s.current_step = ?", filter.step().name());
		}
		if (filter.attention()) {
			attention(where);
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
					SqlConditions.literal(filter.customer().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.from() != null) {
			where.add("s.created_at >= ?", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.add("s.created_at < ?", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.text() != null) {
			String text = SqlConditions.literal(filter.text().toLowerCase(Locale.ROOT));
			where.add("(lower(s.title) like ? or s.offering_uuid like ? or s.username like ?)", "%" + text + "%",
					text + "%", text + "%");
		}
		return where;
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	/**
	 * The people the list can be filtered by, for the filter's suggestions: everyone who
	 * started an onboarding or has one assigned, that {@code viewer} can see.
	 */
	public List<String> people(Viewer viewer) {
		SqlConditions where = conditions(DeskFilter.NONE, viewer);
		return this.jdbc
			.sql("select created_by as name from onboarding_session s" + where.where()
					+ " union select assignee from onboarding_session s" + where.where()
					+ (where.isEmpty() ? " where " : " and ") + "s.assignee is not null order by 1")
			.params(concat(where.values(), where.values()))
			.query(String.class)
			.list();
	}

	private static List<Object> concat(List<Object> first, List<Object> second) {
		List<Object> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * Failed or unknown steps, and runs the sweeper found interrupted: all stored as the
	 * session's status.
	 */
	private void attention(SqlConditions where) {
		where.add("s.status = 'NEEDS_ATTENTION'");
	}

	private static DeskRow row(ResultSet rs, int rowNum) throws SQLException {
		return new DeskRow(rs.getLong("id"), rs.getString("title"), OnboardingStatus.valueOf(rs.getString("status")),
				OnboardingStep.valueOf(rs.getString("current_step")), rs.getString("created_by"),
				rs.getString("assignee"), rs.getString("customer_name"), rs.getString("offering_uuid"),
				rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
				Optional.ofNullable(rs.getObject("agent_seen_at", OffsetDateTime.class))
					.map(OffsetDateTime::toInstant)
					.orElse(null));
	}

	private static OffsetDateTime utc(java.time.Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
