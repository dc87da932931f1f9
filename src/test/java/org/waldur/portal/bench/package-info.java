/**
 * Benchmarks run through HTTP against a running portal ({@code ./mvnw verify -Pbench}),
 * never part of the normal test suite.
 */
@NullMarked
package org.waldur.portal.bench;

import org.jspecify.annotations.NullMarked;
