package org.waldur.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the hash chain of the audit log.
 *
 * @param checked entries checked (up to and including the broken one)
 * @param brokenAt id of the first entry whose hash or link does not match, or
 * {@code null} when the chain is intact or the fault is not one entry's
 * @param reason why the chain is broken, {@code null} when it is intact
 * @param checkpoint the entry of the checkpoint the chain was checked against, if any
 */
public record IntegrityReport(long checked, @Nullable Long brokenAt, @Nullable String reason,
		@Nullable Long checkpoint) implements java.io.Serializable {

	public IntegrityReport(long checked, @Nullable Long brokenAt, @Nullable String reason) {
		this(checked, brokenAt, reason, null);
	}

	public boolean intact() {
		return this.reason == null;
	}

	/** One line for people. */
	public String summary() {
		if (!intact()) {
			return (this.brokenAt != null) ? "broken at entry #" + this.brokenAt + ": " + this.reason
					: "broken: " + this.reason;
		}
		return "intact: " + this.checked + " entries checked"
				+ ((this.checkpoint != null) ? ", matching the checkpoint of entry #" + this.checkpoint : "");
	}

}
