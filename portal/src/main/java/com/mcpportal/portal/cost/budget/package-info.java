/**
 * Team budgets: the monthly amount an owner sets, and the check that audits a team going over it, run again when an
 * environment or its schedule changes. Internal to the cost feature; pages reach it through the cost controllers.
 */
@NullMarked
package com.mcpportal.portal.cost.budget;

import org.jspecify.annotations.NullMarked;
