package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A Waldur service provider ({@code ServiceProvider}): an organisation registered to
 * offer services in the marketplace.
 *
 * @param uuid its UUID
 * @param url its API URL
 * @param customer the organisation's API URL
 * @param customerUuid the organisation's UUID
 * @param customerName the organisation's name
 * @param created when it was registered
 */
public record ServiceProvider(@Nullable String uuid, @Nullable String url, @Nullable String customer,
		@Nullable String customerUuid, @Nullable String customerName, @Nullable String created) {

}
