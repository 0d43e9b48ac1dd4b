/**
 * The audit feature's Quartz jobs (retention, chain verification, webhook delivery) and their triggers; each job only
 * calls a service of the feature. Internal to the audit feature.
 */
@NullMarked
package com.mcpportal.portal.audit.jobs;

import org.jspecify.annotations.NullMarked;
