package com.mcpportal.portal.team;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.user.Usernames;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team lifecycle and membership. Callers have already passed {@link TeamAccess}; rules that hold for everyone
 * (unique names, at least one owner, archived teams are read-only) are enforced here, before anything is written.
 */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final UserAccounts users;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamService(TeamRepository teams, TeamMemberRepository members, UserAccounts users, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.events = events;
        this.members = members;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The teams a user sees: their own, or every team for a platform admin. */
    @Transactional(readOnly = true)
    public List<TeamSummary> visibleTo(PortalUserPrincipal user) {
        return user.admin() ? teams.findSummariesForAdmin(user.id()) : teams.findSummariesForMember(user.id());
    }

    /** One keyset page (by id, after {@code afterId}) of the teams a user sees, as {@link #visibleTo}. */
    @Transactional(readOnly = true)
    public List<TeamSummary> visibleTo(PortalUserPrincipal user, long afterId, int limit) {
        return user.admin() ? teams.findSummariesForAdminAfter(user.id(), afterId, Limit.of(limit))
                : teams.findSummariesForMemberAfter(user.id(), afterId, Limit.of(limit));
    }

    /** Teams the user is a member of (navigation). */
    @Transactional(readOnly = true)
    public List<TeamSummary> memberships(long userId) {
        return teams.findSummariesForMember(userId);
    }

    /** The team's name, or empty when there is no such team. For other features, which never read the team table. */
    @Transactional(readOnly = true)
    public Optional<String> name(long teamId) {
        return teams.findById(teamId).map(Team::getName);
    }

    /** The names of the given teams by id, ordered by name as the team list is; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> teamIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        teams.findAllById(teamIds).stream()
                .sorted(Comparator.comparing((Team team) -> team.getName().toLowerCase(Locale.ROOT)))
                .forEach(team -> names.put(team.getId(), team.getName()));
        return names;
    }

    /** Whether the team is archived; false for no such team. */
    @Transactional(readOnly = true)
    public boolean archived(long teamId) {
        return teams.findById(teamId).map(Team::isArchived).orElse(false);
    }

    /** The team's owners with an enabled account: who a "team owners" notification goes to. */
    @Transactional(readOnly = true)
    public List<MemberView> owners(long teamId) {
        return members(teamId).stream().filter(member -> member.role() == TeamRole.OWNER && member.enabled()).toList();
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(long teamId) {
        return members.findMembers(teamId).stream().map(MemberView::of).toList();
    }

    /** Creates a team with its creator as the first owner; publishes {@link TeamCreated} in its transaction. */
    @Transactional
    public Team create(String name, long creatorUserId) {
        String teamName = TeamNames.clean(name);
        if (teams.existsByNameIgnoreCase(teamName)) {
            throw duplicateName(teamName);
        }
        UserAccount creator = users.find(creatorUserId).orElseThrow();
        Team team = new Team(teamName, clock.instant());
        try {
            teams.saveAndFlush(team);
        }
        catch (DataIntegrityViolationException race) {
            throw duplicateName(teamName);
        }
        members.save(new TeamMember(team.getId(), creator, TeamRole.OWNER, clock.instant()));
        auditLog.record(AuditEntry.success("team.created").team(team.getId()).target("team", team.getId())
                .detail("name", teamName).detail("owner", creator.getUsername()));
        events.publishEvent(new TeamCreated(team.getId()));
        return team;
    }

    @Transactional
    public void rename(long teamId, String newName) {
        Team team = writable(teamId);
        String teamName = TeamNames.clean(newName);
        if (teamName.equals(team.getName())) {
            return;
        }
        if (teams.existsByNameIgnoreCaseAndIdNot(teamName, teamId)) {
            throw duplicateName(teamName);
        }
        String oldName = team.getName();
        team.rename(teamName);
        try {
            teams.flush();
        }
        catch (DataIntegrityViolationException race) {
            throw duplicateName(teamName);
        }
        auditLog.record(AuditEntry.success("team.renamed").team(teamId).target("team", teamId)
                .detail("from", oldName).detail("to", teamName));
    }

    /** Archived teams stay visible to their members but cannot be changed until restored. */
    @Transactional
    public void archive(long teamId) {
        Team team = writable(teamId);
        team.archive(clock.instant());
        auditLog.record(AuditEntry.success("team.archived").team(teamId).target("team", teamId)
                .detail("name", team.getName()));
    }

    @Transactional
    public void restore(long teamId) {
        Team team = locked(teamId);
        if (!team.isArchived()) {
            return;
        }
        team.restore();
        auditLog.record(AuditEntry.success("team.restored").team(teamId).target("team", teamId)
                .detail("name", team.getName()));
    }

    @Transactional
    public MemberView addMember(long teamId, String username, TeamRole role) {
        writable(teamId);
        String name = Usernames.normalize(username);
        UserAccount user = users.findByUsername(name)
                .orElseThrow(() -> new InvalidInputException("username", "There is no user named '" + name + "'."));
        if (!user.isEnabled()) {
            throw new InvalidInputException("username", user.getUsername() + " is disabled and cannot be added.");
        }
        if (members.findRole(teamId, user.getId()).isPresent()) {
            throw new InvalidInputException("username", user.getUsername() + " is already a member.");
        }
        TeamMember member = members.save(new TeamMember(teamId, user, role, clock.instant()));
        auditLog.record(AuditEntry.success("team.member.added").team(teamId).target("user", user.getId())
                .detail("username", user.getUsername()).detail("role", role.name()));
        return MemberView.of(member);
    }

    @Transactional
    public MemberView changeRole(long teamId, long userId, TeamRole role) {
        writable(teamId);
        TeamMember member = manual(teamId, userId);
        TeamRole previous = member.getRole();
        if (previous == role) {
            return MemberView.of(member);
        }
        if (previous == TeamRole.OWNER) {
            requireAnotherOwner(teamId, "Make someone else an owner before changing this owner's role.");
        }
        member.setRole(role);
        auditLog.record(AuditEntry.success("team.member.role.changed").team(teamId).target("user", userId)
                .detail("username", member.getUser().getUsername()).detail("from", previous.name())
                .detail("to", role.name()));
        return MemberView.of(member);
    }

    @Transactional
    public MemberView removeMember(long teamId, long userId) {
        writable(teamId);
        TeamMember member = manual(teamId, userId);
        if (member.getRole() == TeamRole.OWNER) {
            requireAnotherOwner(teamId, "Make someone else an owner before removing the last one.");
        }
        members.delete(member);
        auditLog.record(AuditEntry.success("team.member.removed").team(teamId).target("user", userId)
                .detail("username", member.getUser().getUsername()).detail("role", member.getRole().name()));
        return MemberView.of(member);
    }

    private TeamMember member(long teamId, long userId) {
        // Like an unknown team: a 404, so user ids from elsewhere reveal nothing through this team's URLs.
        return members.findMember(teamId, userId).orElseThrow(() -> new NotFoundException("No such member"));
    }

    /** A member granted here, not by a group: a group grant would come back at the next sign-in. */
    private TeamMember manual(long teamId, long userId) {
        TeamMember member = member(teamId, userId);
        if (member.fromGroup()) {
            throw new InvalidInputException("role", member.getUser().getUsername() + " is a member through group "
                    + member.getSourceGroup() + " at " + member.getSourceProvider() + ", which decides the role at"
                    + " each sign-in: change or delete that group mapping instead.");
        }
        return member;
    }

    private void requireAnotherOwner(long teamId, String message) {
        if (members.countByTeamIdAndRole(teamId, TeamRole.OWNER) <= 1) {
            throw new InvalidInputException("role", "A team needs at least one owner. " + message);
        }
    }

    /** The team, locked against concurrent membership changes, and not archived. */
    private Team writable(long teamId) {
        Team team = locked(teamId);
        if (team.isArchived()) {
            throw new InvalidInputException(null, "This team is archived. Restore it to make changes.");
        }
        return team;
    }

    private Team locked(long teamId) {
        return teams.findByIdForUpdate(teamId).orElseThrow(TeamNotFoundException::new);
    }

    private static InvalidInputException duplicateName(String name) {
        return new InvalidInputException("name", "A team named '" + name + "' already exists.");
    }
}
