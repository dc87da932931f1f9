/**
 * The agent hand-over page: checklist, SLURM settings, configuration preview and
 * downloads.
 */
@NullMarked
package org.waldur.portal.agent.web;

import org.jspecify.annotations.NullMarked;
