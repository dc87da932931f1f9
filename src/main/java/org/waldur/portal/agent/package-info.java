/**
 * Hand-over to the Waldur Site Agent: checks that the onboarded offering and its
 * service-account token are ready, and the agent's configuration file for them.
 */
@NullMarked
package org.waldur.portal.agent;

import org.jspecify.annotations.NullMarked;
