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

import org.jspecify.annotations.Nullable;

/** One user's membership and role in one team. */
@Entity
@Table(name = "team_member")
class TeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the membership is first saved
    private Long id;

    private Long teamId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    private TeamRole role;

    private Instant addedAt;

    /** The provider and group that granted this membership; both null for a manual grant. */
    private @Nullable String sourceProvider;

    private @Nullable String sourceGroup;

    protected TeamMember() {
    }

    TeamMember(long teamId, UserAccount user, TeamRole role, Instant now) {
        this.teamId = teamId;
        this.user = user;
        this.role = role;
        this.addedAt = now;
    }

    /** A membership a group grants, and takes away again when the person is no longer in it. */
    static TeamMember fromGroup(long teamId, UserAccount user, TeamRole role, String provider, String group,
                                Instant now) {
        TeamMember member = new TeamMember(teamId, user, role, now);
        member.sourceProvider = provider;
        member.sourceGroup = group;
        return member;
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

    @Nullable String getSourceProvider() {
        return sourceProvider;
    }

    @Nullable String getSourceGroup() {
        return sourceGroup;
    }

    boolean fromGroup() {
        return sourceGroup != null;
    }

    /** Now granted by {@code group} (another group of the same provider may grant the role now). */
    void grantedBy(String group, TeamRole role) {
        this.sourceGroup = group;
        this.role = role;
    }
}
