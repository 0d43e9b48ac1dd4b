/**
 * The periodic drift check: ready environments compared with what their cloud runs, findings shown on the
 * environment page. Used by nothing outside the environment feature.
 */
@NullMarked
package com.mcpportal.portal.environment.drift;

import org.jspecify.annotations.NullMarked;
