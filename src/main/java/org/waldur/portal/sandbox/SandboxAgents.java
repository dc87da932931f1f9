package org.waldur.portal.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The site agents that registered with the sandbox: identities, services, processors.
 */
@Repository
@ConditionalOnSandboxMode
class SandboxAgents {

	private static final String IDENTITY = "select uuid, offering_uuid, name, version, dependencies, last_restarted, "
			+ "created_by, created, modified from sandbox_agent_identity";

	private static final String SERVICE = "select uuid, identity_uuid, name, mode, state, created, modified "
			+ "from sandbox_agent_service";

	private static final String PROCESSOR = "select uuid, service_uuid, name, backend_type, backend_version, "
			+ "last_run, created, modified from sandbox_agent_processor";

	private final JdbcClient jdbc;

	SandboxAgents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveIdentity(Identity identity, boolean create) {
		String sql = create
				? "insert into sandbox_agent_identity (offering_uuid, name, version, dependencies, last_restarted, "
						+ "created_by, created, modified, uuid) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
				: "update sandbox_agent_identity set offering_uuid = ?, name = ?, version = ?, dependencies = ?, "
						+ "last_restarted = ?, created_by = ?, created = ?, modified = ? where uuid = ?";
		this.jdbc.sql(sql)
			.params(identity.offeringUuid(), identity.name(), identity.version(), identity.dependencies(),
					Ids.timestamp(identity.lastRestarted()), identity.createdBy(), Ids.timestamp(identity.created()),
					Ids.timestamp(identity.modified()), identity.uuid())
			.update();
	}

	Optional<Identity> identity(String uuid) {
		return this.jdbc.sql(IDENTITY + " where uuid = ?").param(uuid).query(SandboxAgents::identity).optional();
	}

	List<Identity> identities() {
		return this.jdbc.sql(IDENTITY + " order by created, uuid").query(SandboxAgents::identity).list();
	}

	Optional<Service> serviceNamed(String identityUuid, String name) {
		return this.jdbc.sql(SERVICE + " where identity_uuid = ? and name = ?")
			.params(identityUuid, name)
			.query(SandboxAgents::service)
			.optional();
	}

	Optional<Service> service(String uuid) {
		return this.jdbc.sql(SERVICE + " where uuid = ?").param(uuid).query(SandboxAgents::service).optional();
	}

	List<Service> services(String identityUuid) {
		return this.jdbc.sql(SERVICE + " where identity_uuid = ? order by created, uuid")
			.param(identityUuid)
			.query(SandboxAgents::service)
			.list();
	}

	void saveService(Service service, boolean create) {
		String sql = create
				? "insert into sandbox_agent_service (identity_uuid, name, mode, state, created, modified, uuid) "
						+ "values (?, ?, ?, ?, ?, ?, ?)"
				: "update sandbox_agent_service set identity_uuid = ?, name = ?, mode = ?, state = ?, created = ?, "
						+ "modified = ? where uuid = ?";
		this.jdbc.sql(sql)
			.params(service.identityUuid(), service.name(), service.mode(), service.state(),
					Ids.timestamp(service.created()), Ids.timestamp(service.modified()), service.uuid())
			.update();
	}

	Optional<Processor> processorNamed(String serviceUuid, String name) {
		return this.jdbc.sql(PROCESSOR + " where service_uuid = ? and name = ?")
			.params(serviceUuid, name)
			.query(SandboxAgents::processor)
			.optional();
	}

	List<Processor> processors(String serviceUuid) {
		return this.jdbc.sql(PROCESSOR + " where service_uuid = ? order by created, uuid")
			.param(serviceUuid)
			.query(SandboxAgents::processor)
			.list();
	}

	void saveProcessor(Processor processor, boolean create) {
		String sql = create
				? "insert into sandbox_agent_processor (service_uuid, name, backend_type, backend_version, last_run, "
						+ "created, modified, uuid) values (?, ?, ?, ?, ?, ?, ?, ?)"
				: "update sandbox_agent_processor set service_uuid = ?, name = ?, backend_type = ?, "
						+ "backend_version = ?, last_run = ?, created = ?, modified = ? where uuid = ?";
		this.jdbc.sql(sql)
			.params(processor.serviceUuid(), processor.name(), processor.backendType(), processor.backendVersion(),
					Ids.timestamp(processor.lastRun()), Ids.timestamp(processor.created()),
					Ids.timestamp(processor.modified()), processor.uuid())
			.update();
	}

	private static Identity identity(ResultSet rs, int row) throws SQLException {
		return new Identity(rs.getString("uuid"), rs.getString("offering_uuid"), rs.getString("name"),
				rs.getString("version"), rs.getString("dependencies"), Ids.requiredInstant(rs, "last_restarted"),
				rs.getString("created_by"), Ids.requiredInstant(rs, "created"), Ids.requiredInstant(rs, "modified"));
	}

	private static Service service(ResultSet rs, int row) throws SQLException {
		return new Service(rs.getString("uuid"), rs.getString("identity_uuid"), rs.getString("name"),
				rs.getString("mode"), rs.getString("state"), Ids.requiredInstant(rs, "created"),
				Ids.requiredInstant(rs, "modified"));
	}

	private static Processor processor(ResultSet rs, int row) throws SQLException {
		return new Processor(rs.getString("uuid"), rs.getString("service_uuid"), rs.getString("name"),
				rs.getString("backend_type"), rs.getString("backend_version"), Ids.instant(rs, "last_run"),
				Ids.requiredInstant(rs, "created"), Ids.requiredInstant(rs, "modified"));
	}

	/** A registered agent; {@code dependencies} is its JSON text. */
	record Identity(String uuid, String offeringUuid, String name, @Nullable String version,
			@Nullable String dependencies, Instant lastRestarted, String createdBy, Instant created, Instant modified) {
	}

	/** One mode of an agent; {@code state} is Active, Idle or Error. */
	record Service(String uuid, String identityUuid, String name, @Nullable String mode, String state, Instant created,
			Instant modified) {
	}

	/** One processor of a service. */
	record Processor(String uuid, String serviceUuid, String name, String backendType, @Nullable String backendVersion,
			@Nullable Instant lastRun, Instant created, Instant modified) {
	}

}
