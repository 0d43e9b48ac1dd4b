package com.mcpportal.portal.apikey.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mcpportal.portal.apikey.ApiKey;
import com.mcpportal.portal.apikey.ApiKeyRepository;
import com.mcpportal.portal.apikey.ApiKeySettings;
import com.mcpportal.portal.apikey.RotatedKeyRevealRepository;
import com.mcpportal.portal.apikey.RotationPolicyRepository;
import com.mcpportal.portal.apikey.keyset.KeySetPublication;
import com.mcpportal.portal.apikey.keyset.KeySetPublicationRepository;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small summaries other features' pages show without depending on this package: the team page's key flags
 * ({@code ${@apiKeyStatus.team(team.teamId)}}) and the environment page's key-set publication
 * ({@code ${@apiKeyStatus.environment(environment.id)}}).
 */
@Component("apiKeyStatus")
public class ApiKeyStatusViews {

    /** What the team page says about the team's keys. */
    public record TeamKeys(int live, int expiringSoon, int rotatedKeysWaiting, boolean rotationPolicy) {
    }

    /**
     * Whether an environment's servers have its current key set.
     *
     * @param publishedAt null when it was never published
     * @param lastError   the last attempt's failure, or null when it succeeded
     */
    public record Publication(long environmentId, String environmentName, Instant publishedAt, Integer keys,
            Instant lastAttemptAt, String lastError, Instant failingSince) {

        public boolean failing() {
            return lastError != null;
        }
    }

    private final ApiKeyRepository keys;
    private final RotatedKeyRevealRepository reveals;
    private final RotationPolicyRepository policies;
    private final KeySetPublicationRepository publications;
    private final EnvironmentService environments;
    private final ApiKeySettings settings;
    private final Clock clock;

    ApiKeyStatusViews(ApiKeyRepository keys, RotatedKeyRevealRepository reveals, RotationPolicyRepository policies,
            KeySetPublicationRepository publications, EnvironmentService environments, ApiKeySettings settings,
            Clock clock) {
        this.keys = keys;
        this.reveals = reveals;
        this.policies = policies;
        this.publications = publications;
        this.environments = environments;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TeamKeys team(long teamId) {
        Instant now = clock.instant();
        Instant soon = now.plus(settings.expiringSoon());
        List<ApiKey> live = keys.findLive(teamId, now);
        int expiringSoon = (int) live.stream()
                .filter(key -> key.getExpiresAt() != null && key.getExpiresAt().isBefore(soon)).count();
        return new TeamKeys(live.size(), expiringSoon, reveals.findByTeamId(teamId).size(),
                policies.existsById(teamId));
    }

    @Transactional(readOnly = true)
    public Optional<Publication> environment(long environmentId) {
        return publications.findById(environmentId)
                .map(publication -> view(publication, environments.get(environmentId).getName()));
    }

    /** The team's environments that have a publication record, by name. */
    @Transactional(readOnly = true)
    List<Publication> forTeam(long teamId) {
        Map<Long, Environment> byId = environments.listForTeam(teamId).stream()
                .collect(Collectors.toMap(Environment::getId, Function.identity()));
        return publications.findByEnvironmentIdIn(byId.keySet()).stream()
                .map(publication -> view(publication, byId.get(publication.getEnvironmentId()).getName()))
                .sorted((a, b) -> a.environmentName().compareToIgnoreCase(b.environmentName())).toList();
    }

    private static Publication view(KeySetPublication publication, String environmentName) {
        return new Publication(publication.getEnvironmentId(), environmentName, publication.getPublishedAt(),
                publication.getPublishedKeys(), publication.getLastAttemptAt(), publication.getLastError(),
                publication.getFailingSince());
    }
}
