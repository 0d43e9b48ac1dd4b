/**
 * The portal application: {@link com.mcpportal.portal.PortalApplication} and the shared
 * {@link com.mcpportal.portal.ClockConfiguration} (the one {@code Clock} every feature injects). Features live in the
 * packages below, one each; ArchitectureTests keeps their rules.
 */
@NullMarked
package com.mcpportal.portal;

import org.jspecify.annotations.NullMarked;
