package com.mcpportal.portal.team;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.OidcProviders;
import com.mcpportal.portal.user.ExternalGroupsAsserted;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team roles granted by an identity provider's groups. A team's owners map "group G at provider P" to a role; at
 * each sign-in with P the person's memberships granted by P's groups are brought in line with the groups P asserted
 * this time: added, changed (the highest role any mapped group gives wins) or removed, each audited with the group
 * that caused it. So a leaver removed from a group loses the role at their next sign-in, and their access tokens
 * follow the account's sign-ins ({@code accesstoken}).
 *
 * <p>Manual grants are never changed by groups, and the members page does not change group grants (the mapping
 * does). Removing a person because their group went away does not wait for another owner: keeping access for
 * someone the company removed is worse than a team without an owner, which a portal administrator can still manage.
 */
@Service
public class GroupMemberships {

    static final int MAX_GROUP_LENGTH = 255;

    private final TeamGroupMappingRepository mappings;
    private final TeamMemberRepository members;
    private final TeamRepository teams;
    private final UserAccounts users;
    private final OidcProviders providers;
    private final AuditLog auditLog;
    private final Clock clock;

    GroupMemberships(TeamGroupMappingRepository mappings, TeamMemberRepository members, TeamRepository teams,
                     UserAccounts users, OidcProviders providers, AuditLog auditLog, Clock clock) {
        this.mappings = mappings;
        this.members = members;
        this.teams = teams;
        this.users = users;
        this.providers = providers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The providers a mapping may name, id to button label; empty when the portal has local accounts only. */
    public Map<String, String> providers() {
        return providers.labels();
    }

    @Transactional(readOnly = true)
    public List<GroupMappingView> mappings(long teamId) {
        Map<String, String> labels = providers.labels();
        return mappings.findByTeamIdOrderByProviderAscGroupNameAsc(teamId).stream()
                .map(m -> new GroupMappingView(m.getId(), m.getProvider(),
                        labels.getOrDefault(m.getProvider(), m.getProvider() + " (no longer configured)"),
                        m.getGroupName(), m.getRole()))
                .toList();
    }

    /** Maps a group to a role in the team; it takes effect at each member's next sign-in with the provider. */
    @Transactional
    public GroupMappingView add(long teamId, String provider, String group, TeamRole role) {
        writable(teamId);
        if (provider == null || !providers.labels().containsKey(provider)) {
            throw new InvalidInputException("provider", "Choose one of the sign-in providers.");
        }
        String name = group == null ? "" : group.strip();
        if (name.isEmpty() || name.length() > MAX_GROUP_LENGTH) {
            throw new InvalidInputException("group", "Enter the group's name as the provider sends it (1 to 255"
                    + " characters), e.g. platform-admins or an Entra ID group object id.");
        }
        if (mappings.existsByTeamIdAndProviderAndGroupName(teamId, provider, name)) {
            throw new InvalidInputException("group", "Group " + name + " is already mapped in this team.");
        }
        TeamGroupMapping mapping;
        try {
            mapping = mappings.saveAndFlush(new TeamGroupMapping(teamId, provider, name, role, clock.instant()));
        }
        catch (DataIntegrityViolationException race) {
            throw new InvalidInputException("group", "Group " + name + " is already mapped in this team.");
        }
        auditLog.record(AuditEntry.success("team.group-mapping.added").team(teamId)
                .target("group-mapping", mapping.getId()).detail("provider", provider).detail("group", name)
                .detail("role", role.name()));
        return new GroupMappingView(mapping.getId(), provider, providers.labels().get(provider), name, role);
    }

    /** Deletes a mapping and, now rather than at the next sign-in, the memberships it granted. */
    @Transactional
    public void delete(long teamId, long mappingId) {
        writable(teamId);
        TeamGroupMapping mapping = mappings.findById(mappingId).filter(m -> m.getTeamId() == teamId)
                .orElseThrow(() -> new NotFoundException("No such group mapping"));
        for (TeamMember member : members.findGrantedBy(teamId, mapping.getProvider(), mapping.getGroupName())) {
            remove(member);
        }
        mappings.delete(mapping);
        auditLog.record(AuditEntry.success("team.group-mapping.removed").team(teamId)
                .target("group-mapping", mappingId).detail("provider", mapping.getProvider())
                .detail("group", mapping.getGroupName()).detail("role", mapping.getRole().name()));
    }

    /**
     * Brings the person's group memberships from this provider in line with the groups it asserted, in the
     * sign-in's transaction (a failure here fails the sign-in rather than leaving stale roles).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void signedIn(ExternalGroupsAsserted signIn) {
        Map<Long, Grant> wanted = wantedGrants(signIn);
        Map<Long, TeamMember> current = new HashMap<>();
        members.findByUser(signIn.userId()).forEach(member -> current.put(member.getTeamId(), member));
        Set<Long> affected = new TreeSet<>(wanted.keySet());
        current.values().stream().filter(m -> signIn.provider().equals(m.getSourceProvider()))
                .forEach(m -> affected.add(m.getTeamId()));
        UserAccount user = null;
        for (long teamId : affected) { // in id order: concurrent sign-ins lock teams in the same order
            boolean archived = teams.findByIdForUpdate(teamId).map(Team::isArchived).orElse(true);
            TeamMember member = current.get(teamId);
            Grant grant = wanted.get(teamId);
            if (member != null && !signIn.provider().equals(member.getSourceProvider())) {
                continue; // a manual grant, or one from another provider's groups: not this sign-in's to change
            }
            if (grant == null) { // then the team is affected through a current membership of this provider
                remove(Objects.requireNonNull(member));
            }
            else if (archived) {
                continue; // an archived team is read-only; its memberships catch up at a sign-in after it is restored
            }
            else if (member == null) {
                user = user != null ? user : users.find(signIn.userId()).orElseThrow();
                add(teamId, user, signIn.provider(), grant);
            }
            else if (member.getRole() != grant.role() || !Objects.equals(member.getSourceGroup(), grant.group())) {
                change(member, grant);
            }
        }
    }

    /** Per team, the highest role the asserted groups give, and the group giving it (the first by name on a tie). */
    private Map<Long, Grant> wantedGrants(ExternalGroupsAsserted signIn) {
        Set<String> groups = Set.copyOf(signIn.groups());
        Map<Long, Grant> wanted = new HashMap<>();
        mappings.findByProvider(signIn.provider()).stream().filter(m -> groups.contains(m.getGroupName()))
                .sorted(Comparator.comparing(TeamGroupMapping::getRole).thenComparing(TeamGroupMapping::getGroupName))
                .forEach(m -> wanted.putIfAbsent(m.getTeamId(), new Grant(m.getGroupName(), m.getRole())));
        return wanted;
    }

    private void add(long teamId, UserAccount user, String provider, Grant grant) {
        TeamMember member = members.save(TeamMember.fromGroup(teamId, user, grant.role(), provider, grant.group(),
                clock.instant()));
        auditLog.record(AuditEntry.success("team.member.added").actor(AuditEntry.SYSTEM).team(teamId)
                .target("user", user.getId()).detail("username", user.getUsername())
                .detail("role", grant.role().name()).detail("provider", provider).detail("group", grant.group()));
    }

    private void change(TeamMember member, Grant grant) {
        TeamRole previous = member.getRole();
        member.grantedBy(grant.group(), grant.role());
        // Same role from another group still changes what the members page says and what removes it: audited too.
        auditLog.record(AuditEntry.success("team.member.role.changed").actor(AuditEntry.SYSTEM)
                .team(member.getTeamId()).target("user", member.getUser().getId())
                .detail("username", member.getUser().getUsername()).detail("from", previous.name())
                .detail("to", grant.role().name()).detail("provider", member.getSourceProvider())
                .detail("group", grant.group()));
    }

    private void remove(TeamMember member) {
        members.delete(member);
        auditLog.record(AuditEntry.success("team.member.removed").actor(AuditEntry.SYSTEM).team(member.getTeamId())
                .target("user", member.getUser().getId()).detail("username", member.getUser().getUsername())
                .detail("role", member.getRole().name()).detail("provider", member.getSourceProvider())
                .detail("group", member.getSourceGroup()));
    }

    private void writable(long teamId) {
        Team team = teams.findByIdForUpdate(teamId).orElseThrow(TeamNotFoundException::new);
        if (team.isArchived()) {
            throw new InvalidInputException(null, "This team is archived. Restore it to make changes.");
        }
    }

    private record Grant(String group, TeamRole role) {
    }
}
