package org.waldur.portal.agent;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The onboarding is not completed, so there is nothing to hand to the agent yet.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class AgentNotReadyException extends RuntimeException {

	public AgentNotReadyException(long id) {
		super("Onboarding " + id + " is not completed; its agent configuration is not available yet.");
	}

}
