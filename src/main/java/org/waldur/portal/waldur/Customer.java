package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * A Waldur organisation ({@code Customer}), for pickers.
 *
 * @param uuid its UUID
 * @param url its API URL, as an offering's {@code customer}
 * @param name its name
 * @param abbreviation its abbreviation
 */
public record Customer(String uuid, String url, @Nullable String name, @Nullable String abbreviation) {

}
