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

	private static final String CUSTOMERS = "select c.*, (p.uuid is not null) as provider from sandbox_customer c "
			+ "left join sandbox_service_provider p on p.customer_uuid = c.uuid ";

	private final JdbcClient jdbc;

	SandboxDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void createCustomer(SandboxCustomer customer) {
		this.jdbc.sql("insert into sandbox_customer (uuid, name, owner_uuid, created, blocked) values (?, ?, ?, ?, ?)")
			.params(customer.uuid(), customer.name(), customer.ownerUuid(), Ids.timestamp(customer.created()),
					customer.blocked())
			.update();
	}

	/** Blocks or unblocks an organisation, as Waldur staff can. */
	void setBlocked(String uuid, boolean blocked) {
		this.jdbc.sql("update sandbox_customer set blocked = ? where uuid = ?").params(blocked, uuid).update();
	}

	/**
	 * Registers the organisation as a service provider.
	 * @return {@code false} when it already is one (one provider per customer)
	 */
	boolean createServiceProvider(SandboxServiceProvider provider) {
		if (findServiceProviderOf(provider.customerUuid()).isPresent()) {
			return false;
		}
		this.jdbc
			.sql("insert into sandbox_service_provider (uuid, customer_uuid, description, enable_notifications, "
					+ "created) values (?, ?, ?, ?, ?)")
			.params(provider.uuid(), provider.customerUuid(), provider.description(), provider.enableNotifications(),
					Ids.timestamp(provider.created()))
			.update();
		return true;
	}

	Optional<SandboxServiceProvider> findServiceProviderOf(String customerUuid) {
		return this.jdbc.sql("select * from sandbox_service_provider where customer_uuid = ?")
			.param(customerUuid)
			.query(SandboxDirectory::serviceProvider)
			.optional();
	}

	Optional<SandboxServiceProvider> findServiceProvider(String uuid) {
		return this.jdbc.sql("select * from sandbox_service_provider where uuid = ?")
			.param(uuid)
			.query(SandboxDirectory::serviceProvider)
			.optional();
	}

	List<SandboxServiceProvider> serviceProviders() {
		return this.jdbc.sql("select * from sandbox_service_provider order by created, uuid")
			.query(SandboxDirectory::serviceProvider)
			.list();
	}

	Optional<SandboxCustomer> findCustomer(String uuid) {
		return this.jdbc.sql(CUSTOMERS + "where c.uuid = ?").param(uuid).query(SandboxDirectory::customer).optional();
	}

	Optional<SandboxCustomer> findCustomerByName(String name) {
		return this.jdbc.sql(CUSTOMERS + "where c.name = ? order by c.created")
			.param(name)
			.query(SandboxDirectory::customer)
			.list()
			.stream()
			.findFirst();
	}

	List<SandboxCustomer> customers() {
		return this.jdbc.sql(CUSTOMERS + "order by c.name, c.uuid").query(SandboxDirectory::customer).list();
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
				Ids.requiredInstant(rs, "created"), rs.getBoolean("blocked"), rs.getBoolean("provider"));
	}

	private static SandboxServiceProvider serviceProvider(ResultSet rs, int row) throws SQLException {
		return new SandboxServiceProvider(rs.getString("uuid"), rs.getString("customer_uuid"),
				rs.getString("description"), rs.getBoolean("enable_notifications"), Ids.requiredInstant(rs, "created"));
	}

	private static SandboxCategory category(ResultSet rs, int row) throws SQLException {
		return new SandboxCategory(rs.getString("uuid"), rs.getString("title"), rs.getString("description"),
				Ids.requiredInstant(rs, "created"));
	}

}
