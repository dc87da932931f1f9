package org.waldur.portal.security;

import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the open sessions of an account as soon as its access changes: disabled, roles
 * changed (by an administrator or by the provider's claims at a sign-in), password reset.
 * The stored sessions are found by principal name (Spring Session's index), after the
 * change committed. An administrator who resets their own password keeps the session they
 * did it in; their other sessions end.
 */
@Component
class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountEvents.AccountDisabled event) {
		end(event.username(), null);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountEvents.RolesChanged event) {
		end(event.username(), null);
	}

	/**
	 * New roles from the provider's claims end the sessions that still have the old ones;
	 * the sign-in that brought them keeps its session.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountEvents.RolesChangedByProvider event) {
		end(event.username(), currentSessionId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountEvents.PasswordReset event) {
		end(event.username(), event.username().equals(event.actor()) ? currentSessionId() : null);
	}

	/** Ends every session of the account but {@code keep}; returns how many ended. */
	int end(String username, @Nullable String keep) {
		Set<String> ids = this.sessions.findByPrincipalName(username).keySet();
		int ended = 0;
		for (String id : ids) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("Ended {} session(s) of account '{}'", ended, username);
		}
		return ended;
	}

	private static @Nullable String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}
