/**
 * The audit log pages (team and admin), the export download and the audit API: controllers, filter forms, event views
 * and responses. Internal to the audit feature: they call its search, export, chain and retention services.
 */
package com.mcpportal.portal.audit.web;
