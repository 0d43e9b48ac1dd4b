package com.mcpportal.portal.audit.web;

import java.time.ZoneId;
import java.util.List;

/** The time zones a reviewer can pick: UTC and every region zone ({@code Europe/Berlin}), sorted. */
final class AuditZones {

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private AuditZones() {
    }
}
