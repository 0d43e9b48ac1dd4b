package com.mcpportal.portal.notification;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.team.MemberView;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccounts;

import org.springframework.stereotype.Component;

/**
 * Who "the team's owners" are when a message is sent: the team's owners now (enabled accounts), each with the e-mail
 * address of their account (the one they gave on their account page, else their sign-in provider's). Looked up at
 * each message, so a new owner, or an address given later, counts from the next message on.
 */
@Component
class TeamOwners {

    private final TeamService teams;
    private final UserAccounts users;

    TeamOwners(TeamService teams, UserAccounts users) {
        this.teams = teams;
        this.users = users;
    }

    /** An owner and where to write to them; {@code address} null: not reachable by e-mail. */
    record Owner(String username, String address) {

        public boolean reachable() {
            return address != null;
        }
    }

    List<Owner> of(long teamId) {
        List<MemberView> owners = teams.owners(teamId);
        Map<Long, String> addresses = users.emailAddresses(owners.stream().map(MemberView::userId).toList());
        return owners.stream().map(owner -> new Owner(owner.username(), addresses.get(owner.userId()))).toList();
    }

    /** The addresses of the owners who have one. */
    List<String> addresses(long teamId) {
        return of(teamId).stream().filter(Owner::reachable).map(Owner::address).toList();
    }
}
