package com.mcpportal.portal.audit.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.audit.AuditPage;
import com.mcpportal.portal.audit.AuditReaders;
import com.mcpportal.portal.audit.AuditRequest;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditSearch;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;
import com.mcpportal.portal.audit.ChainedEvent;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The audit log for reviewers: team owners see their teams' events, platform administrators every event.
 * Filters are query parameters of a GET form, so every view is a URL that can be bookmarked and shared.
 */
@Controller
class AuditController {

    static final String LIST_VIEW = "audit/list";
    static final String DETAIL_VIEW = "audit/detail";

    private static final JsonMapper PRETTY = JsonMapper.builder().build();

    private final AuditReaders readers;
    private final AuditSearch search;
    private final Map<String, AuditTargetLinks> targetLinks;

    AuditController(AuditReaders readers, AuditSearch search, List<AuditTargetLinks> targetLinks) {
        this.readers = readers;
        this.search = search;
        this.targetLinks = targetLinks.stream()
                .collect(Collectors.toMap(AuditTargetLinks::targetType, Function.identity()));
    }

    @GetMapping("/audit")
    String list(AuditFilterForm form, Model model) {
        AuditScope scope = readers.requireReader();
        AuditRequest request = form.parse(scope);
        addCommon(model, form, scope, request.zone());
        model.addAttribute("errors", request.errors());
        if (!request.valid()) {
            model.addAttribute("events", List.of());
            return LIST_VIEW;
        }
        AuditPage page = search.page(scope, request.filter(), request.cursor(), request.size());
        model.addAttribute("events", page.events().stream()
                .map(event -> AuditEventView.of(event, scope, request.zone())).toList());
        model.addAttribute("cursorMissing", page.cursorMissing());
        model.addAttribute("newerLink", !page.hasNewer() ? null : page.events().isEmpty()
                // Paged past the oldest event: newer ones exist, but no event on this page to page back from.
                ? form.link("/audit", Map.of()) : form.link("/audit", Map.of("after", page.newestId())));
        model.addAttribute("olderLink", page.hasOlder() ? form.link("/audit", Map.of("before", page.oldestId())) : null);
        model.addAttribute("csvLink", form.link("/audit/export", Map.of("format", "csv")));
        model.addAttribute("jsonLinesLink", form.link("/audit/export", Map.of("format", "jsonl")));
        return LIST_VIEW;
    }

    @GetMapping("/audit/events/{eventId}")
    String detail(@PathVariable long eventId, AuditFilterForm form, Model model) {
        AuditScope scope = readers.requireReader();
        ZoneId zone = form.parse(scope).zone();
        ChainedEvent event = search.find(scope, eventId).orElseThrow(() -> new NotFoundException("No such event"));
        addCommon(model, form, scope, zone);
        model.addAttribute("event", AuditEventView.of(event, scope, zone));
        model.addAttribute("prettyDetails", PRETTY.writerWithDefaultPrettyPrinter()
                .writeValueAsString(PRETTY.readTree(event.details())));
        model.addAttribute("teamLink", event.teamId() == null ? null
                : link("team", event.teamId().toString(), scope).orElse(null));
        model.addAttribute("targetLink", event.targetType() == null || event.targetId() == null ? null
                : link(event.targetType(), event.targetId(), scope).orElse(null));
        return DETAIL_VIEW;
    }

    private void addCommon(Model model, AuditFilterForm form, AuditScope scope, ZoneId zone) {
        model.addAttribute("form", form);
        model.addAttribute("scope", scope);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("zones", AuditZones.CHOICES);
        model.addAttribute("reloadWithZone", form.zoneUnknown());
        model.addAttribute("listLink", form.link("/audit", Map.of()));
        model.addAttribute("query", form.link("", Map.of()));
    }

    private Optional<AuditTargetLink> link(String type, String id, AuditScope scope) {
        AuditTargetLinks links = targetLinks.get(type);
        return links == null ? Optional.empty() : links.link(id, scope);
    }
}
