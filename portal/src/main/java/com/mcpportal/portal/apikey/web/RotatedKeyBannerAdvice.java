package com.mcpportal.portal.apikey.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mcpportal.portal.apikey.RotatedKeyRevealRepository;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.team.TeamSummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the keys the rotation job made and no owner has seen yet into every page of their teams' owners as
 * {@code rotatedKeys} (the active teams the user owns, by name; their keys in order); the layout shows them as a
 * banner with a button that shows the key once.
 */
@ControllerAdvice
class RotatedKeyBannerAdvice {

    /** One waiting key of a team the signed-in user owns. */
    record WaitingKey(long teamId, String teamName, long keyId, String keyName, String publicId) {
    }

    // A provider: controller slice tests load every advice but no repositories; there the banner is empty.
    private final ObjectProvider<RotatedKeyRevealRepository> reveals;
    private final TeamService teams;

    RotatedKeyBannerAdvice(ObjectProvider<RotatedKeyRevealRepository> reveals, TeamService teams) {
        this.reveals = reveals;
        this.teams = teams;
    }

    @ModelAttribute("rotatedKeys")
    List<WaitingKey> rotatedKeys() {
        RotatedKeyRevealRepository repository = reveals.getIfAvailable();
        return repository == null ? List.of()
                : CurrentUser.find().map(user -> waitingFor(repository, user.id())).orElse(List.of());
    }

    private List<WaitingKey> waitingFor(RotatedKeyRevealRepository repository, long userId) {
        List<TeamSummary> owned = teams.memberships(userId).stream()
                .filter(team -> team.role() == TeamRole.OWNER && !team.archived()).toList();
        if (owned.isEmpty()) {
            return List.of();
        }
        Map<Long, List<RotatedKeyRevealRepository.Waiting>> byTeam = repository.findWaitingInTeams(
                owned.stream().map(TeamSummary::id).toList()).stream()
                .collect(Collectors.groupingBy(RotatedKeyRevealRepository.Waiting::getTeamId));
        return owned.stream().flatMap(team -> byTeam.getOrDefault(team.id(), List.of()).stream()
                .map(key -> new WaitingKey(team.id(), team.name(), key.getKeyId(), key.getKeyName(),
                        key.getPublicId()))).toList();
    }
}
