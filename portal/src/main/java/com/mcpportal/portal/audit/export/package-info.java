/**
 * Audit export: the CSV and JSON Lines writers and the exporter that streams a filtered range of events, used by the
 * download, the webhook and pruning (which exports before it deletes). Internal to the audit feature.
 */
@NullMarked
package com.mcpportal.portal.audit.export;

import org.jspecify.annotations.NullMarked;
