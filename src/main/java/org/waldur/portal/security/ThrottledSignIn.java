package org.waldur.portal.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * Checks a password only when {@link SignInThrottle} admits the attempt, which counts it
 * first. Whatever goes wrong ends as an {@link AuthenticationException}, so the sign-in
 * page answers with its one message and never with an error page: a refused attempt is a
 * {@link LockedException}, a password longer than bcrypt reads a wrong password, a
 * database failure an {@link InternalAuthenticationServiceException}. The count is
 * cleared before the success is announced, so a sign-in is audited as a success only when
 * it is one.
 */
class ThrottledSignIn implements AuthenticationProvider {

	/** bcrypt reads at most this many bytes of a password. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final AuthenticationEventPublisher outcomes;

	/**
	 * @param outcomes announces successes and failures; this provider does it itself (the
	 * provider manager must not), so that a pause is announced after the failure that
	 * started it
	 */
	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, ApplicationEventPublisher events,
			AuthenticationEventPublisher outcomes) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.events = events;
		this.outcomes = outcomes;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = address(authentication);
		SignInThrottle.Admission admission;
		try {
			admission = guarded(() -> this.throttle.admit(username, address));
		}
		catch (AuthenticationException ex) {
			throw failed(ex, authentication, null);
		}
		if (!admission.admitted()) {
			throw failed(new LockedException("Sign-in paused after repeated failures"), authentication, null);
		}
		try {
			Object password = authentication.getCredentials();
			if (password == null || password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
				throw new BadCredentialsException("Bad credentials");
			}
			Authentication result = this.passwords.authenticate(authentication);
			guarded(() -> {
				this.throttle.succeeded(username, address);
				return Boolean.TRUE;
			});
			this.outcomes.publishAuthenticationSuccess(result);
			return result;
		}
		catch (AuthenticationException ex) {
			throw failed(ex, authentication, admission.pausedUntil());
		}
		catch (RuntimeException ex) {
			throw failed(new InternalAuthenticationServiceException("Sign-in could not be checked", ex), authentication,
					admission.pausedUntil());
		}
	}

	private AuthenticationException failed(AuthenticationException ex, Authentication authentication,
			@Nullable Instant pausedUntil) {
		this.outcomes.publishAuthenticationFailure(ex, authentication);
		if (pausedUntil != null) {
			this.events.publishEvent(new SignInPaused(authentication.getName(), pausedUntil));
		}
		return ex;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static <T> T guarded(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Sign-in throttle unavailable: {}", ex.getMessage());
			throw new InternalAuthenticationServiceException("Sign-in throttle unavailable", ex);
		}
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	/** The free failures of an account name were used up; it waits until then. */
	record SignInPaused(String username, Instant until) {
	}

}
