/**
 * The built-in Waldur sandbox: a stateful, in-process imitation of the Waldur 8.0.5 API
 * served at {@code /sandbox/api/} in sandbox mode, with fault injection for tests.
 */
@NullMarked
package org.waldur.portal.sandbox;

import org.jspecify.annotations.NullMarked;
