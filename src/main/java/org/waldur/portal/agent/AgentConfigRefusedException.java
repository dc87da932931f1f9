package org.waldur.portal.agent;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The agent configuration is not handed out as it stands: the offering's components in
 * Waldur changed and the operator has not confirmed reviewing them, they could not be
 * compared, or two share a type. The message says which, for the operator.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class AgentConfigRefusedException extends RuntimeException {

	AgentConfigRefusedException(String message) {
		super(message);
	}

}
