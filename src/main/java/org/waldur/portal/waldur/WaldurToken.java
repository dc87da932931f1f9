package org.waldur.portal.waldur;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Waldur API token. {@link #toString()} masks it; call {@link #value()} only to hand it
 * on (to storage or to the site agent's configuration).
 *
 * @param value the token itself
 */
public record WaldurToken(String value) {

	public WaldurToken {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	static WaldurToken of(String value) {
		return new WaldurToken(value);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return "WaldurToken[******]";
	}

}
