package org.waldur.portal.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waldur.portal.config.ConditionalOnSandboxMode;
import org.waldur.portal.config.PortalProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's fixed cast, created at start-up when missing: a staff user, the owner of
 * the service provider "Sandbox HPC Centre", a second organisation that is not (yet) a
 * service provider and the categories "HPC" and "Storage". Their tokens come from
 * {@code PORTAL_SANDBOX_STAFF_TOKEN} and {@code PORTAL_SANDBOX_OWNER_TOKEN}, or are
 * generated once and kept in the database. Seeded users have no token lifetime, so their
 * tokens never expire. Seeded once every bean is created (before the web server starts),
 * so that Hibernate's start on its own thread is not waited for in the middle of the
 * context.
 */
@Component
@ConditionalOnSandboxMode
public class SandboxSeed implements SmartInitializingSingleton {

	/** Username of the seeded staff user. */
	public static final String STAFF_USERNAME = "sandbox-staff";

	/** Username of the seeded owner of the service-provider organisation. */
	public static final String OWNER_USERNAME = "sandbox-owner";

	/** Name of the seeded service-provider organisation, owned by the owner user. */
	public static final String PROVIDER_CUSTOMER = "Sandbox HPC Centre";

	/** Name of a second organisation, without an owner and not a service provider. */
	public static final String OTHER_CUSTOMER = "Sandbox University";

	/** Titles and descriptions of the seeded marketplace categories. */
	public static final Map<String, String> CATEGORIES = Map.of("HPC", "High-performance computing", "Storage",
			"Storage services");

	private static final Logger log = LoggerFactory.getLogger(SandboxSeed.class);

	private final SandboxUsers users;

	private final SandboxDirectory directory;

	private final PortalProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SandboxSeed(SandboxUsers users, SandboxDirectory directory, PortalProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.users = users;
		this.directory = directory;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> seed());
	}

	/** The current token of the seeded staff user. A secret: never log it. */
	public String staffToken() {
		return tokenOf(STAFF_USERNAME);
	}

	/** The current token of the seeded owner user. A secret: never log it. */
	public String ownerToken() {
		return tokenOf(OWNER_USERNAME);
	}

	/** The UUID of the seeded service-provider organisation. */
	public String providerCustomerUuid() {
		return this.directory.findCustomerByName(PROVIDER_CUSTOMER).orElseThrow().uuid();
	}

	/** The UUID of the seeded organisation that is not a service provider. */
	public String otherCustomerUuid() {
		return this.directory.findCustomerByName(OTHER_CUSTOMER).orElseThrow().uuid();
	}

	/** The UUID of a seeded category such as {@code HPC}. */
	public String categoryUuid(String title) {
		return this.directory.findCategoryByTitle(title).orElseThrow().uuid();
	}

	/** The UUID of a seeded user such as {@link #OWNER_USERNAME}. */
	public String userUuid(String username) {
		return this.users.findByUsername(username).orElseThrow().uuid();
	}

	private String tokenOf(String username) {
		SandboxUser user = this.users.findByUsername(username).orElseThrow();
		return this.users.tokenOf(user.uuid()).orElseThrow().key();
	}

	private void seed() {
		SandboxUser staff = ensureUser(STAFF_USERNAME, "Sandbox", "Staff", true,
				this.properties.sandbox().staffToken());
		SandboxUser owner = ensureUser(OWNER_USERNAME, "Sandbox", "Owner", false,
				this.properties.sandbox().ownerToken());
		ensureCustomer(PROVIDER_CUSTOMER, owner);
		ensureCustomer(OTHER_CUSTOMER, null);
		SandboxCustomer provider = this.directory.findCustomerByName(PROVIDER_CUSTOMER).orElseThrow();
		if (!provider.serviceProvider()) {
			this.directory.createServiceProvider(
					new SandboxServiceProvider(Ids.uuid(), provider.uuid(), "", true, this.clock.instant()));
		}
		CATEGORIES.forEach(this::ensureCategory);
		log.debug("Sandbox seeded: staff user {}, owner user {}", staff.username(), owner.username());
	}

	private SandboxUser ensureUser(String username, String firstName, String lastName, boolean staff,
			@Nullable String configuredToken) {
		Instant now = this.clock.instant();
		SandboxUser user = this.users.findByUsername(username).orElse(null);
		if (user == null) {
			user = new SandboxUser(Ids.uuid(), username, username + "@sandbox.example.com", firstName, lastName, staff,
					true, null, now);
			this.users.create(user, (configuredToken != null) ? configuredToken : Ids.tokenKey(), now);
			log.info("Sandbox user '{}' created with a {} token", username,
					(configuredToken != null) ? "configured" : "generated");
			return user;
		}
		String current = this.users.tokenOf(user.uuid()).map(SandboxToken::key).orElse(null);
		if (current == null || (configuredToken != null && !configuredToken.equals(current))) {
			this.users.replaceToken(user.uuid(), (configuredToken != null) ? configuredToken : Ids.tokenKey(), now);
			log.info("Sandbox user '{}' token replaced from the configuration", username);
		}
		if (user.tokenLifetime() != null) {
			this.users.updateTokenLifetime(user.uuid(), null);
		}
		return user;
	}

	private void ensureCustomer(String name, @Nullable SandboxUser owner) {
		if (this.directory.findCustomerByName(name).isEmpty()) {
			this.directory.createCustomer(new SandboxCustomer(Ids.uuid(), name, (owner != null) ? owner.uuid() : null,
					this.clock.instant(), false, false));
		}
	}

	private void ensureCategory(String title, String description) {
		if (this.directory.findCategoryByTitle(title).isEmpty()) {
			this.directory.createCategory(new SandboxCategory(Ids.uuid(), title, description, this.clock.instant()));
		}
	}

	@Override
	public String toString() {
		return "SandboxSeed[staff=" + STAFF_USERNAME + ", owner=" + OWNER_USERNAME + ", tokens=******]";
	}

}
