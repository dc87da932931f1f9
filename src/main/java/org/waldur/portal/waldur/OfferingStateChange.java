package org.waldur.portal.waldur;

import org.jspecify.annotations.Nullable;

/**
 * Waldur's answer to a state change of an offering ({@code DetailState}).
 *
 * @param detail a message such as {@code Offering state updated.}
 * @param state the new state, such as {@code Active}
 */
public record OfferingStateChange(@Nullable String detail, @Nullable String state) {

}
