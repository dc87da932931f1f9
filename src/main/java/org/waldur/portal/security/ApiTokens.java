package org.waldur.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens of portal accounts: created and revoked by their account, shown
 * once, stored as a SHA-256 digest. A token acts with its account's current roles; a
 * revoked or expired token, or one of a disabled account, is refused on its next call.
 */
@Service
@Transactional
public class ApiTokens {

	/**
	 * What every portal API token starts with, so that scanners and people recognise it.
	 */
	public static final String PREFIX = "wop_";

	/** The principal attribute that holds the token's name. */
	public static final String TOKEN_NAME = "token_name";

	/** The longest lifetime a token may be given. */
	public static final Duration MAX_LIFETIME = Duration.ofDays(366);

	/** Active tokens an account may hold at once. */
	public static final int MAX_ACTIVE = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final Accounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ApiTokens(ApiTokenRepository tokens, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A token with its secret, which exists only in this object: shown once, never
	 * stored.
	 */
	public record Issued(ApiToken token, String secret) {

		@Override
		public String toString() {
			return "Issued[" + this.token.getName() + ", ******]";
		}

	}

	/**
	 * Creates a token for {@code username}.
	 * @param name what the token is for, 1 to 100 characters
	 * @param lifetime from 1 day to {@link #MAX_LIFETIME}
	 * @throws AccountRejectedException when the name or lifetime is not acceptable
	 */
	public Issued create(String username, String name, Duration lifetime) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new AccountRejectedException("name",
					"Give the token a name of 1 to 100 characters, for example \"CI\".");
		}
		if (lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
			throw new AccountRejectedException("lifetimeDays", "Choose a lifetime of 1 to 366 days.");
		}
		Account account = account(username);
		long accountId = java.util.Objects.requireNonNull(account.getId());
		if (this.tokens.countByAccountIdAndRevokedAtIsNull(accountId) >= MAX_ACTIVE) {
			throw new AccountRejectedException("name",
					"An account holds at most " + MAX_ACTIVE + " tokens; revoke one you no longer use first.");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = this.clock.instant();
		String hint = PREFIX + "…" + secret.substring(secret.length() - 4);
		ApiToken token = this.tokens
			.save(new ApiToken(accountId, trimmed, digest(secret), hint, now, now.plus(lifetime)));
		this.events.publishEvent(new ApiTokenEvents.Created(username, trimmed, token.getExpiresAt()));
		return new Issued(token, secret);
	}

	/** The tokens of {@code username}, newest first. */
	@Transactional(readOnly = true)
	public List<ApiToken> of(String username) {
		return this.tokens
			.findByAccountIdOrderByCreatedAtDesc(java.util.Objects.requireNonNull(account(username).getId()));
	}

	/** Revokes one of the tokens of {@code username}; it is refused from now on. */
	public void revoke(String username, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter((found) -> found.getAccountId() == account(username).getId())
			.orElseThrow(() -> new AccountRejectedException("token", "No such token of yours."));
		if (token.getRevokedAt() == null) {
			token.revoke(this.clock.instant());
			this.events.publishEvent(new ApiTokenEvents.Revoked(username, token.getName()));
		}
	}

	/**
	 * The caller a presented token stands for, with its account's current roles; empty
	 * when the token is unknown, revoked or expired, or its account is disabled.
	 */
	public Optional<Caller> authenticate(String secret) {
		if (!secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Optional<ApiToken> found = this.tokens.findByTokenHash(digest(secret));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ApiToken token = found.get();
		Account account = this.accounts.findById(token.getAccountId()).orElse(null);
		Instant now = this.clock.instant();
		String refusal = (account == null) ? "account removed"
				: (token.getRevokedAt() != null) ? "token revoked" : !now.isBefore(token.getExpiresAt())
						? "token expired" : !account.isEnabled() ? "account disabled" : null;
		if (refusal != null) {
			if (account != null) {
				this.events.publishEvent(new ApiTokenEvents.Refused(account.getUsername(), token.getName(), refusal));
			}
			return Optional.empty();
		}
		this.tokens.touch(java.util.Objects.requireNonNull(token.getId()), now, now.minus(Duration.ofMinutes(1)));
		return Optional.of(new Caller(account.getUsername(), account.getRoles(), token.getName()));
	}

	/**
	 * Who calls the API: an account, its roles now, and the name of the token it used.
	 *
	 * @param username the account
	 * @param roles its roles at the time of the call
	 * @param tokenName the token's name
	 */
	public record Caller(String username, Set<Role> roles, String tokenName) {

		public Caller {
			roles = Set.copyOf(roles);
		}

	}

	/**
	 * The name of the API token the current request authenticated with, or {@code null}
	 * outside an API call.
	 */
	public static @Nullable String currentTokenName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal) {
			Object name = principal.getAttribute(TOKEN_NAME);
			return (name instanceof String text) ? text : null;
		}
		return null;
	}

	private Account account(String username) {
		return this.accounts.findByUsername(username)
			.orElseThrow(() -> new AccountRejectedException("username", "No account " + username + "."));
	}

	static String digest(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
