package com.mcpportal.portal.team;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.mcpportal.portal.user.UserAccount;

/** One user's membership and role in one team. */
@Entity
@Table(name = "team_member")
class TeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long teamId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    private TeamRole role;

    private Instant addedAt;

    protected TeamMember() {
    }

    TeamMember(long teamId, UserAccount user, TeamRole role, Instant now) {
        this.teamId = teamId;
        this.user = user;
        this.role = role;
        this.addedAt = now;
    }

    Long getTeamId() {
        return teamId;
    }

    UserAccount getUser() {
        return user;
    }

    TeamRole getRole() {
        return role;
    }

    Instant getAddedAt() {
        return addedAt;
    }

    void setRole(TeamRole role) {
        this.role = role;
    }
}
