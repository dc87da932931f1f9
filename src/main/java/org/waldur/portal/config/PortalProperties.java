package org.waldur.portal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * All settings of the portal, bound from {@code portal.*} (and the environment variables
 * listed in the README). Invalid values stop the start-up with a one-line message.
 *
 * @param dataDir directory of the embedded database and generated files
 * ({@code PORTAL_DATA_DIR})
 * @param secretKey Base64 AES-256 key that encrypts stored secrets
 * ({@code PORTAL_SECRET_KEY}); generated into the data directory when empty and the
 * database is embedded
 * @param adminPassword password of the bootstrap {@code admin} account
 * ({@code PORTAL_ADMIN_PASSWORD}); generated when empty; checked against the password
 * rules at start-up
 * @param waldur how to reach Waldur
 * @param sandbox the built-in Waldur sandbox, used when no Waldur URL is set
 * @param login sign-in protection
 * @param retention how long bulky records are kept
 */
@ConfigurationProperties("portal")
public record PortalProperties(@DefaultValue("./data") Path dataDir, @Nullable String secretKey,
		@Nullable String adminPassword, @DefaultValue Waldur waldur, @DefaultValue Sandbox sandbox,
		@DefaultValue Login login, @DefaultValue Retention retention) {

	/** Length in bytes of the AES key behind {@code PORTAL_SECRET_KEY}. */
	public static final int SECRET_KEY_BYTES = 32;

	@ConstructorBinding
	public PortalProperties {
		secretKey = StringUtils.hasText(secretKey) ? secretKey.trim() : null;
		adminPassword = StringUtils.hasText(adminPassword) ? adminPassword : null;
		if (secretKey != null) {
			decodeKey(secretKey);
		}
	}

	/** Settings with the default retention. */
	public PortalProperties(Path dataDir, @Nullable String secretKey, @Nullable String adminPassword, Waldur waldur,
			Sandbox sandbox, Login login) {
		this(dataDir, secretKey, adminPassword, waldur, sandbox, login, Retention.defaults());
	}

	/** Whether the portal talks to its built-in sandbox instead of a real Waldur. */
	public boolean sandboxMode() {
		return this.waldur.url() == null;
	}

	/** Decodes a Base64 secret key and checks its length. */
	public static byte[] decodeKey(String encoded) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException("PORTAL_SECRET_KEY is not valid Base64.");
		}
		if (key.length != SECRET_KEY_BYTES) {
			throw new InvalidConfigurationException("PORTAL_SECRET_KEY must decode to " + SECRET_KEY_BYTES
					+ " bytes (AES-256), but it decodes to " + key.length + " bytes.");
		}
		return key;
	}

	@Override
	public String toString() {
		return "PortalProperties[dataDir=" + this.dataDir + ", secretKey=" + Secrets.mask(this.secretKey)
				+ ", adminPassword=" + Secrets.mask(this.adminPassword) + ", waldur=" + this.waldur + ", sandbox="
				+ this.sandbox + ", login=" + this.login + ", retention=" + this.retention + "]";
	}

	/**
	 * Connection to Waldur.
	 *
	 * @param url the Waldur API root such as {@code https://waldur.example.com/api/}
	 * ({@code WALDUR_URL}); empty means sandbox mode
	 * @param staffToken Waldur staff token for staff-only calls
	 * ({@code WALDUR_STAFF_TOKEN})
	 * @param connectTimeout time to establish a connection
	 * @param readTimeout time to wait for a response to a step's call
	 * @param readRetries how often a failed read of a step is tried again
	 * @param retryBackoff the pause before the first retry of a read; it doubles before
	 * each further one
	 * @param pageReadTimeout deadline of a read a page waits for (the pickers' lists, the
	 * health probe), connecting included
	 * @param pageReadRetries how often such a read is tried again; the timeout times the
	 * tries is at most {@value #MAX_PAGE_WAIT_SECONDS} seconds
	 * @param maxConcurrentCalls how many calls may wait for Waldur at once; more are
	 * refused at once with "Waldur is busy". In sandbox mode each call also holds a web
	 * server thread for the sandbox's answer, so it must stay below half of the server's
	 * threads
	 * @param listCacheTime how long the pickers' lists of organisations and categories
	 * are reused; zero reads them every time
	 * @param healthCacheTime how long the result of the health probe is reused; zero
	 * probes on every health check
	 * @param settleTime how long a request whose outcome is unknown (a time-out, a
	 * dropped connection, a gateway error) is assumed to be still in flight, counted from
	 * when it was sent: Waldur keeps working on a request after the portal stopped
	 * waiting, and applies it when it finishes. Until then the portal only looks Waldur
	 * up and sends nothing again. Empty: the read time-out plus
	 * {@link #SERVER_REQUEST_LIMIT}
	 * @param interruptedAfter how long a step may be marked running before the portal
	 * treats the run as interrupted (the process stopped during it) and marks it for
	 * reconciliation. Empty: long enough for the most calls one run makes
	 * ({@link #CALLS_PER_RUN}), each with its connect and read time-outs, its retries and
	 * the pauses between them
	 */
	public record Waldur(@Nullable String url, @Nullable String staffToken, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration readTimeout, @DefaultValue("2") int readRetries,
			@DefaultValue("200ms") Duration retryBackoff, @DefaultValue("2s") Duration pageReadTimeout,
			@DefaultValue("0") int pageReadRetries, @DefaultValue("16") int maxConcurrentCalls,
			@DefaultValue("30s") Duration listCacheTime, @DefaultValue("30s") Duration healthCacheTime,
			@Nullable Duration settleTime, @Nullable Duration interruptedAfter) {

		/** The longest a page may wait for one read from Waldur, all tries together. */
		public static final int MAX_PAGE_WAIT_SECONDS = 10;

		/**
		 * How long a Waldur deployment keeps working on one request at most when nothing
		 * else is known: the usual limit of the reverse proxy in front of Waldur's
		 * workers (nginx's {@code proxy_read_timeout} defaults to 60 s). Raise
		 * {@code portal.waldur.settle-time} for a deployment with a longer limit.
		 */
		public static final Duration SERVER_REQUEST_LIMIT = Duration.ofSeconds(60);

		/** A step run makes at most this many calls: look-ups, the change, a check. */
		public static final int CALLS_PER_RUN = 4;

		/** The longest first pause before a retry. */
		public static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(10);

		public Waldur(@Nullable String url, @Nullable String staffToken, Duration connectTimeout,
				Duration readTimeout) {
			this(url, staffToken, connectTimeout, readTimeout, 2, Duration.ofMillis(200), Duration.ofSeconds(2), 0, 16,
					Duration.ofSeconds(30), Duration.ofSeconds(30), null, null);
		}

		@ConstructorBinding
		public Waldur {
			url = normalise(url);
			staffToken = StringUtils.hasText(staffToken) ? staffToken.trim() : null;
			if (staffToken != null && url == null) {
				throw new InvalidConfigurationException(
						"WALDUR_STAFF_TOKEN is set but WALDUR_URL is not: set both, or neither for sandbox mode.");
			}
			if (url != null && staffToken == null) {
				throw new InvalidConfigurationException(
						"WALDUR_URL is set but WALDUR_STAFF_TOKEN is not: the portal needs a staff token for a real Waldur.");
			}
			if (staffToken != null && !staffToken.matches("[A-Za-z0-9_\\-.]{8,255}")) {
				throw new InvalidConfigurationException(
						"WALDUR_STAFF_TOKEN must be a Waldur API token (letters and digits, no spaces).");
			}
			requirePositive(connectTimeout, "portal.waldur.connect-timeout");
			requirePositive(readTimeout, "portal.waldur.read-timeout");
			requirePositive(pageReadTimeout, "portal.waldur.page-read-timeout");
			requireBetween(readRetries, 0, 5, "portal.waldur.read-retries");
			requireNotNegative(retryBackoff, "portal.waldur.retry-backoff");
			if (retryBackoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
				throw new InvalidConfigurationException(
						"portal.waldur.retry-backoff must be at most " + MAX_RETRY_BACKOFF.toSeconds() + "s.");
			}
			requireBetween(pageReadRetries, 0, 2, "portal.waldur.page-read-retries");
			if (pageReadTimeout.multipliedBy(pageReadRetries + 1L)
				.compareTo(Duration.ofSeconds(MAX_PAGE_WAIT_SECONDS)) > 0) {
				throw new InvalidConfigurationException("portal.waldur.page-read-timeout times (1 + page-read-retries) "
						+ "must be at most " + MAX_PAGE_WAIT_SECONDS + "s: pages wait for these reads.");
			}
			if (maxConcurrentCalls < 1) {
				throw new InvalidConfigurationException("portal.waldur.max-concurrent-calls must be at least 1.");
			}
			requireNotNegative(listCacheTime, "portal.waldur.list-cache-time");
			requireNotNegative(healthCacheTime, "portal.waldur.health-cache-time");
			if (settleTime == null) {
				settleTime = readTimeout.plus(SERVER_REQUEST_LIMIT);
			}
			requirePositive(settleTime, "portal.waldur.settle-time");
			Duration longestCall = connectTimeout.plus(readTimeout)
				.multipliedBy(1L + readRetries)
				.plus(retryBackoff.multipliedBy((1L << readRetries) - 1));
			Duration longestRun = longestCall.multipliedBy(CALLS_PER_RUN);
			if (interruptedAfter == null) {
				interruptedAfter = longestRun.plusSeconds(10);
			}
			if (interruptedAfter.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
				throw new InvalidConfigurationException("portal.waldur.interrupted-after (" + interruptedAfter
						+ ") must be longer than one call may take (connect plus read time-out, "
						+ connectTimeout.plus(readTimeout) + ").");
			}
		}

		/** The API root as a URI, or {@code null} in sandbox mode. */
		public @Nullable URI apiRoot() {
			return (this.url != null) ? URI.create(this.url) : null;
		}

		private static @Nullable String normalise(@Nullable String url) {
			if (url == null || url.isBlank()) {
				return null;
			}
			String text = url.trim();
			URI uri;
			try {
				uri = new URI(text);
			}
			catch (URISyntaxException ex) {
				uri = null;
			}
			String scheme = (uri != null) ? uri.getScheme() : null;
			if (uri == null || !uri.isAbsolute() || uri.getHost() == null
					|| !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
				throw new InvalidConfigurationException("WALDUR_URL must be an http(s) URL such as "
						+ "https://waldur.example.com/api/, but it is '" + text + "'.");
			}
			return text.endsWith("/") ? text : text + "/";
		}

		@Override
		public String toString() {
			return "Waldur[url=" + this.url + ", staffToken=" + Secrets.mask(this.staffToken) + ", connectTimeout="
					+ this.connectTimeout + ", readTimeout=" + this.readTimeout + ", readRetries=" + this.readRetries
					+ ", retryBackoff=" + this.retryBackoff + ", pageReadTimeout=" + this.pageReadTimeout
					+ ", pageReadRetries=" + this.pageReadRetries + ", maxConcurrentCalls=" + this.maxConcurrentCalls
					+ ", listCacheTime=" + this.listCacheTime + ", healthCacheTime=" + this.healthCacheTime
					+ ", settleTime=" + this.settleTime + ", interruptedAfter=" + this.interruptedAfter + "]";
		}

	}

	/**
	 * The built-in Waldur sandbox.
	 *
	 * @param staffToken token the sandbox accepts as a Waldur staff user
	 * ({@code PORTAL_SANDBOX_STAFF_TOKEN}); generated when empty
	 * @param ownerToken token the sandbox accepts as the owner of its service-provider
	 * organisation ({@code PORTAL_SANDBOX_OWNER_TOKEN}); generated when empty
	 * @param demoPassword password of the demo accounts, shown on the sign-in page in
	 * sandbox mode
	 * @param waldurVersion the Waldur version the sandbox answers
	 * {@code GET /api/version/} with and behaves as
	 * ({@code PORTAL_SANDBOX_WALDUR_VERSION}); from 8.1.2 on it drops the UID/GID start
	 * numbers from {@code plugin_options} as Waldur does. Changeable at run time on the
	 * sandbox page.
	 */
	public record Sandbox(@Nullable String staffToken, @Nullable String ownerToken,
			@DefaultValue("sandbox-demo") String demoPassword, @DefaultValue("8.1.2") String waldurVersion) {

		/** The newest Waldur version the portal's contract documents. */
		public static final String NEWEST_DOCUMENTED_VERSION = "8.1.2";

		@ConstructorBinding
		public Sandbox {
			waldurVersion = StringUtils.hasText(waldurVersion) ? waldurVersion.trim() : NEWEST_DOCUMENTED_VERSION;
			if (!waldurVersion.matches("\\d+(\\.\\d+)*")) {
				throw new InvalidConfigurationException(
						"PORTAL_SANDBOX_WALDUR_VERSION must be a version such as 8.1.2, not '" + waldurVersion + "'.");
			}
			staffToken = StringUtils.hasText(staffToken) ? staffToken.trim() : null;
			ownerToken = StringUtils.hasText(ownerToken) ? ownerToken.trim() : null;
			if (staffToken != null && staffToken.equals(ownerToken)) {
				throw new InvalidConfigurationException(
						"PORTAL_SANDBOX_STAFF_TOKEN and PORTAL_SANDBOX_OWNER_TOKEN must differ.");
			}
		}

		@Override
		public String toString() {
			return "Sandbox[staffToken=" + Secrets.mask(this.staffToken) + ", ownerToken="
					+ Secrets.mask(this.ownerToken) + ", waldurVersion=" + this.waldurVersion + "]";
		}

		/** Settings that answer as the newest documented Waldur version. */
		public Sandbox(@Nullable String staffToken, @Nullable String ownerToken, String demoPassword) {
			this(staffToken, ownerToken, demoPassword, NEWEST_DOCUMENTED_VERSION);
		}

	}

	/**
	 * Sign-in protection and how long a sign-in lasts.
	 *
	 * @param maxFailures failed sign-ins of one account name (known or not) that are
	 * answered at once; after them each further attempt waits a growing delay
	 * @param maxAddressFailures the same for one client address, over all account names
	 * @param firstDelay the first delay; each further failure doubles it
	 * @param maxDelay the longest delay
	 * @param forgetAfter time without attempts after which the failures of an account
	 * name or address are forgotten; longer than {@code maxDelay}
	 * @param sessionLifetime how long a sign-in lasts at most, however active the user
	 * (the idle time-out is {@code server.servlet.session.timeout})
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxAddressFailures,
			@DefaultValue("5s") Duration firstDelay, @DefaultValue("5m") Duration maxDelay,
			@DefaultValue("1h") Duration forgetAfter, @DefaultValue("12h") Duration sessionLifetime) {

		public Login {
			if (maxFailures < 1) {
				throw new InvalidConfigurationException("portal.login.max-failures must be at least 1.");
			}
			if (maxAddressFailures < maxFailures) {
				throw new InvalidConfigurationException(
						"portal.login.max-address-failures must be at least portal.login.max-failures.");
			}
			requirePositive(firstDelay, "portal.login.first-delay");
			requirePositive(maxDelay, "portal.login.max-delay");
			requirePositive(sessionLifetime, "portal.login.session-lifetime");
			if (maxDelay.compareTo(firstDelay) < 0) {
				throw new InvalidConfigurationException("portal.login.max-delay must not be shorter than first-delay.");
			}
			if (forgetAfter.compareTo(maxDelay) <= 0) {
				throw new InvalidConfigurationException("portal.login.forget-after must be longer than max-delay.");
			}
		}

		/** The defaults. */
		public static Login defaults() {
			return new Login(5, 20, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1),
					Duration.ofHours(12));
		}

	}

	/**
	 * What is kept and for how long.
	 *
	 * @param attemptBodiesDays days after which the request and response bodies of step
	 * attempts are dropped (the facts of each attempt stay)
	 * @param cron when the retention job runs (Spring cron, server time zone)
	 */
	public record Retention(@DefaultValue("90") int attemptBodiesDays, @DefaultValue("0 30 3 * * *") String cron) {

		public Retention {
			if (attemptBodiesDays < 1) {
				throw new InvalidConfigurationException("portal.retention.attempt-bodies-days must be at least 1.");
			}
		}

		/** The defaults: 90 days, every night at 03:30. */
		public static Retention defaults() {
			return new Retention(90, "0 30 3 * * *");
		}

	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationException(name + " must be a positive duration.");
		}
	}

	private static void requireNotNegative(Duration duration, String name) {
		if (duration.isNegative()) {
			throw new InvalidConfigurationException(name + " must not be negative.");
		}
	}

	private static void requireBetween(int value, int min, int max, String name) {
		if (value < min || value > max) {
			throw new InvalidConfigurationException(name + " must be between " + min + " and " + max + ".");
		}
	}

}
