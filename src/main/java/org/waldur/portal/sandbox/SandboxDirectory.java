package org.waldur.portal.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.waldur.portal.config.ConditionalOnSandboxMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations (customers) and marketplace categories of the sandbox.
 */
@Repository
@ConditionalOnSandboxMode
class SandboxDirectory {

	private final JdbcClient jdbc;

	SandboxDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void createCustomer(SandboxCustomer customer) {
		this.jdbc.sql("insert into sandbox_customer (uuid, name, owner_uuid, created) values (?, ?, ?, ?)")
			.params(customer.uuid(), customer.name(), customer.ownerUuid(), Ids.timestamp(customer.created()))
			.update();
	}

	Optional<SandboxCustomer> findCustomer(String uuid) {
		return this.jdbc.sql("select * from sandbox_customer where uuid = ?")
			.param(uuid)
			.query(SandboxDirectory::customer)
			.optional();
	}

	Optional<SandboxCustomer> findCustomerByName(String name) {
		return this.jdbc.sql("select * from sandbox_customer where name = ? order by created")
			.param(name)
			.query(SandboxDirectory::customer)
			.list()
			.stream()
			.findFirst();
	}

	List<SandboxCustomer> customers() {
		return this.jdbc.sql("select * from sandbox_customer order by name, uuid")
			.query(SandboxDirectory::customer)
			.list();
	}

	void createCategory(SandboxCategory category) {
		this.jdbc.sql("insert into sandbox_category (uuid, title, description, created) values (?, ?, ?, ?)")
			.params(category.uuid(), category.title(), category.description(), Ids.timestamp(category.created()))
			.update();
	}

	Optional<SandboxCategory> findCategory(String uuid) {
		return this.jdbc.sql("select * from sandbox_category where uuid = ?")
			.param(uuid)
			.query(SandboxDirectory::category)
			.optional();
	}

	Optional<SandboxCategory> findCategoryByTitle(String title) {
		return this.jdbc.sql("select * from sandbox_category where title = ? order by created")
			.param(title)
			.query(SandboxDirectory::category)
			.list()
			.stream()
			.findFirst();
	}

	List<SandboxCategory> categories() {
		return this.jdbc.sql("select * from sandbox_category order by title, uuid")
			.query(SandboxDirectory::category)
			.list();
	}

	private static SandboxCustomer customer(ResultSet rs, int row) throws SQLException {
		return new SandboxCustomer(rs.getString("uuid"), rs.getString("name"), rs.getString("owner_uuid"),
				Ids.requiredInstant(rs, "created"));
	}

	private static SandboxCategory category(ResultSet rs, int row) throws SQLException {
		return new SandboxCategory(rs.getString("uuid"), rs.getString("title"), rs.getString("description"),
				Ids.requiredInstant(rs, "created"));
	}

}
