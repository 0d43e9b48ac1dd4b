package com.mcpportal.portal.apikey.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.ApiKeySettings;
import com.mcpportal.portal.apikey.ApiKeyView;
import com.mcpportal.portal.apikey.GracePeriod;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.apikey.KeyRotation;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.McpClientSnippet;
import com.mcpportal.portal.team.TeamGrant;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the models of the API key pages. */
@Component
class ApiKeyPages {

    static final String LIST_VIEW = "apikeys/list";
    static final String FORM_VIEW = "apikeys/form";
    static final String ISSUED_VIEW = "apikeys/issued";
    static final String ROTATION_VIEW = "apikeys/rotation";

    private static final long[] LIFETIME_DAYS = {7, 30, 60, 90, 180, 365};

    /** A ready-to-paste client configuration for one environment the new key works in. */
    record Snippet(String environmentName, String mcpUrl, List<McpClientSnippet.Client> clients) {
    }

    private final ApiKeyService keys;
    private final KeyRotation rotation;
    private final EnvironmentService environments;
    private final ApiKeyStatusViews statuses;
    private final ApiKeySettings settings;

    ApiKeyPages(ApiKeyService keys, KeyRotation rotation, EnvironmentService environments,
            ApiKeyStatusViews statuses, ApiKeySettings settings) {
        this.keys = keys;
        this.rotation = rotation;
        this.environments = environments;
        this.statuses = statuses;
        this.settings = settings;
    }

    String list(Model model, TeamGrant team) {
        model.addAttribute("team", team);
        model.addAttribute("keys", keys.list(team.teamId()));
        model.addAttribute("graces", GracePeriod.values());
        model.addAttribute("policy", rotation.policy(team.teamId()).orElse(null));
        model.addAttribute("publications", statuses.forTeam(team.teamId()));
        return LIST_VIEW;
    }

    String form(Model model, TeamGrant team, ApiKeyForm form) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("environments", environments.listForTeam(team.teamId()));
        model.addAttribute("lifetimes", lifetimes());
        return FORM_VIEW;
    }

    /**
     * The one page that shows a key. {@code no-store}: no browser or proxy cache keeps it, and the back button
     * does not bring it back. It is the answer to the POST itself: the key is never in a redirect, a session or a
     * URL.
     */
    String issued(Model model, HttpServletResponse response, TeamGrant team, IssuedKey issued, String how,
            ApiKeyView previous) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, max-age=0");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        model.addAttribute("team", team);
        model.addAttribute("issued", issued);
        model.addAttribute("how", how);
        model.addAttribute("previous", previous);
        model.addAttribute("snippets", snippets(issued));
        return ISSUED_VIEW;
    }

    String rotation(Model model, TeamGrant team, RotationPolicyForm form) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("policy", rotation.policy(team.teamId()).orElse(null));
        model.addAttribute("graces", GracePeriod.values());
        return ROTATION_VIEW;
    }

    private static List<Snippet> snippets(IssuedKey issued) {
        List<Snippet> snippets = new ArrayList<>();
        for (ApiKeyView.ScopeEnvironment environment : issued.key().environments()) {
            if (environment.mcpUrl() != null) {
                snippets.add(new Snippet(environment.name(), environment.mcpUrl(), McpClientSnippet
                        .all(environment.name(), environment.mcpUrl(), issued.plaintext().reveal())));
            }
        }
        return snippets;
    }

    /** The expiry choices: value to label, within the admin's maximum. */
    Map<String, String> lifetimes() {
        Map<String, String> choices = new LinkedHashMap<>();
        long defaultDays = settings.defaultLifetime().toDays();
        for (long days : LIFETIME_DAYS) {
            if (settings.withinMaximum(Duration.ofDays(days))) {
                choices.put(Long.toString(days), days + " days" + (days == defaultDays ? " (default)" : ""));
            }
        }
        choices.putIfAbsent(Long.toString(defaultDays), defaultDays + " days (default)");
        if (settings.allowsNoExpiry()) {
            choices.put(ApiKeyForm.NEVER, "Never");
        }
        return choices;
    }
}
