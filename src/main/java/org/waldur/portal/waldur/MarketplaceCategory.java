package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A marketplace category ({@code MarketplaceCategory}), for pickers.
 *
 * @param uuid its UUID
 * @param url its API URL, as an offering's {@code category}
 * @param title its title
 * @param description its description
 */
public record MarketplaceCategory(String uuid, String url, @Nullable String title, @Nullable String description) {

}
