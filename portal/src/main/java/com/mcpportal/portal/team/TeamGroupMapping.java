package com.mcpportal.portal.team;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * "Members of group {@code groupName} at provider {@code provider} have {@code role} in this team", applied at each of
 * their sign-ins with that provider ({@link GroupMemberships}).
 */
@Entity
@Table(name = "team_group_mapping")
class TeamGroupMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the mapping is first saved
    private Long id;

    private Long teamId;

    private String provider;

    private String groupName;

    @Enumerated(EnumType.STRING)
    private TeamRole role;

    private Instant createdAt;

    protected TeamGroupMapping() {
    }

    TeamGroupMapping(long teamId, String provider, String groupName, TeamRole role, Instant now) {
        this.teamId = teamId;
        this.provider = provider;
        this.groupName = groupName;
        this.role = role;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getTeamId() {
        return teamId;
    }

    String getProvider() {
        return provider;
    }

    String getGroupName() {
        return groupName;
    }

    TeamRole getRole() {
        return role;
    }
}
