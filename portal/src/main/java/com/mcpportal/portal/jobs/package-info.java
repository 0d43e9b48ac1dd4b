/**
 * Shared Quartz set-up: {@link com.mcpportal.portal.jobs.QuartzJobs}, the job and trigger shapes every feature's
 * periodic work uses, and the scheduler's own time. Depends on no feature; any feature may use it.
 */
@NullMarked
package com.mcpportal.portal.jobs;

import org.jspecify.annotations.NullMarked;
