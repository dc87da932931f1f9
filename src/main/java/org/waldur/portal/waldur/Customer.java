package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A Waldur organisation ({@code Customer}), for pickers.
 *
 * @param uuid its UUID
 * @param url its API URL, as an offering's {@code customer}
 * @param name its name
 * @param abbreviation its abbreviation
 * @param blocked whether Waldur has blocked it (it can then not change offerings)
 * @param archived whether it is archived
 * @param isServiceProvider whether it is a registered service provider
 */
public record Customer(String uuid, String url, @Nullable String name, @Nullable String abbreviation,
		@Nullable Boolean blocked, @Nullable Boolean archived, @Nullable Boolean isServiceProvider) {

	/** An organisation as a picker lists it, without its flags. */
	public Customer(String uuid, String url, @Nullable String name, @Nullable String abbreviation) {
		this(uuid, url, name, abbreviation, null, null, null);
	}

	/** Whether Waldur refuses changes for it: blocked or archived. */
	public boolean unavailable() {
		return Boolean.TRUE.equals(this.blocked) || Boolean.TRUE.equals(this.archived);
	}

}
