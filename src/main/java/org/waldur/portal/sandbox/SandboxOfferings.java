package org.waldur.portal.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.waldur.portal.config.ConditionalOnSandboxMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sandbox offerings with their components, plans and user roles. Components and plans
 * keep their validated JSON form, including their {@code uuid}.
 */
@Repository
@ConditionalOnSandboxMode
class SandboxOfferings {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	SandboxOfferings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores an offering with its components and plans (each with a {@code uuid}). */
	@Transactional
	void create(SandboxOffering offering, List<ObjectNode> components, List<ObjectNode> plans) {
		this.jdbc
			.sql("insert into sandbox_offering (uuid, name, description, customer_uuid, category_uuid, type, shared, "
					+ "billable, state, plugin_options, created, backend_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(offering.uuid(), offering.name(), offering.description(), offering.customerUuid(),
					offering.categoryUuid(), offering.type(), offering.shared(), offering.billable(), offering.state(),
					offering.pluginOptions(), Ids.timestamp(offering.created()), offering.backendId())
			.update();
		for (int i = 0; i < components.size(); i++) {
			ObjectNode component = components.get(i);
			this.jdbc
				.sql("insert into sandbox_offering_component (uuid, offering_uuid, ordinal, type, data) "
						+ "values (?, ?, ?, ?, ?)")
				.params(component.get("uuid").stringValue(), offering.uuid(), i, component.get("type").stringValue(),
						JSON.writeValueAsString(component))
				.update();
		}
		for (int i = 0; i < plans.size(); i++) {
			ObjectNode plan = plans.get(i);
			this.jdbc.sql("insert into sandbox_plan (uuid, offering_uuid, ordinal, name, data) values (?, ?, ?, ?, ?)")
				.params(plan.get("uuid").stringValue(), offering.uuid(), i, plan.get("name").stringValue(),
						JSON.writeValueAsString(plan))
				.update();
		}
	}

	Optional<SandboxOffering> find(String uuid) {
		return this.jdbc.sql("select * from sandbox_offering where uuid = ?")
			.param(uuid)
			.query(SandboxOfferings::offering)
			.optional();
	}

	List<SandboxOffering> all() {
		return this.jdbc.sql("select * from sandbox_offering order by created, uuid")
			.query(SandboxOfferings::offering)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from sandbox_offering").query(Long.class).single();
	}

	List<ObjectNode> components(String offeringUuid) {
		return parts("sandbox_offering_component", offeringUuid);
	}

	List<ObjectNode> plans(String offeringUuid) {
		return parts("sandbox_plan", offeringUuid);
	}

	int planCount(String offeringUuid) {
		return this.jdbc.sql("select count(*) from sandbox_plan where offering_uuid = ?")
			.param(offeringUuid)
			.query(Integer.class)
			.single();
	}

	void updatePluginOptions(String uuid, ObjectNode pluginOptions) {
		this.jdbc.sql("update sandbox_offering set plugin_options = ? where uuid = ?")
			.params(JSON.writeValueAsString(pluginOptions), uuid)
			.update();
	}

	void updateState(String uuid, String state) {
		this.jdbc.sql("update sandbox_offering set state = ? where uuid = ?").params(state, uuid).update();
	}

	void addRole(SandboxRole role) {
		this.jdbc
			.sql("insert into sandbox_offering_role (uuid, offering_uuid, user_uuid, role, expiration_time, created, "
					+ "created_by_uuid) values (?, ?, ?, ?, ?, ?, ?)")
			.params(role.uuid(), role.offeringUuid(), role.userUuid(), role.role(),
					Ids.timestamp(role.expirationTime()), Ids.timestamp(role.created()), role.createdByUuid())
			.update();
	}

	List<SandboxRole> roles(String offeringUuid) {
		return this.jdbc.sql("select * from sandbox_offering_role where offering_uuid = ? order by created, uuid")
			.param(offeringUuid)
			.query(SandboxOfferings::role)
			.list();
	}

	List<SandboxRole> rolesOfUser(String userUuid) {
		return this.jdbc.sql("select * from sandbox_offering_role where user_uuid = ? order by created, uuid")
			.param(userUuid)
			.query(SandboxOfferings::role)
			.list();
	}

	private List<ObjectNode> parts(String table, String offeringUuid) {
		return this.jdbc.sql("select data from " + table + " where offering_uuid = ? order by ordinal")
			.param(offeringUuid)
			.query((rs, row) -> (ObjectNode) JSON.readTree(rs.getString("data")))
			.list();
	}

	private static SandboxOffering offering(ResultSet rs, int row) throws SQLException {
		return new SandboxOffering(rs.getString("uuid"), rs.getString("name"), rs.getString("description"),
				rs.getString("customer_uuid"), rs.getString("category_uuid"), rs.getString("type"),
				rs.getBoolean("shared"), rs.getBoolean("billable"), rs.getString("state"),
				rs.getString("plugin_options"), Ids.requiredInstant(rs, "created"), rs.getString("backend_id"));
	}

	private static SandboxRole role(ResultSet rs, int row) throws SQLException {
		return new SandboxRole(rs.getString("uuid"), rs.getString("offering_uuid"), rs.getString("user_uuid"),
				rs.getString("role"), Ids.instant(rs, "expiration_time"), Ids.requiredInstant(rs, "created"),
				rs.getString("created_by_uuid"));
	}

}
