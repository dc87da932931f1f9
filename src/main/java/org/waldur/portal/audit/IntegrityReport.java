package org.waldur.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the hash chain of the audit log.
 *
 * @param checked entries checked (up to and including the broken one)
 * @param brokenAt id of the first entry whose hash or link does not match, or
 * {@code null} when the chain is intact
 * @param reason why that entry breaks the chain
 */
public record IntegrityReport(long checked, @Nullable Long brokenAt,
		@Nullable String reason) implements java.io.Serializable {

	public boolean intact() {
		return this.brokenAt == null;
	}

	/** One line for people. */
	public String summary() {
		return intact() ? "intact: " + this.checked + " entries checked"
				: "broken at entry #" + this.brokenAt + ": " + this.reason;
	}

}
