package com.mcpportal.portal.user;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;

import org.springframework.stereotype.Component;

/**
 * Audit events about a user link to the account page (administrators only, who alone have it). Targets name a
 * user by id, or by username for sign-ins.
 */
@Component
class UserAuditTargetLinks implements AuditTargetLinks {

    private final UserAccountRepository users;

    UserAuditTargetLinks(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public String targetType() {
        return "user";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        if (!reader.everything()) {
            return Optional.empty();
        }
        Optional<UserAccount> user;
        try {
            user = users.findById(Long.valueOf(targetId));
        }
        catch (NumberFormatException byName) {
            user = users.findByUsername(Usernames.normalize(targetId));
        }
        return user.map(account -> new AuditTargetLink(account.getUsername(), "/admin/users/" + account.getId()));
    }
}
