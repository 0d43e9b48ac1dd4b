package com.mcpportal.portal.security;

import com.mcpportal.portal.user.UserAccounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for the sign-in form; usernames are matched case-insensitively. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccounts users;

    PortalUserDetailsService(UserAccounts users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // An account made at a sign-in with an identity provider has no password to check until an administrator
        // resets it; it is as unknown to the form as a username nobody has (same answer, same timing).
        return users.findByUsername(username).filter(user -> user.getPasswordHash() != null)
                .map(user -> new PortalUserPrincipal(user.getId(), user.getUsername(), user.getPasswordHash(),
                        user.isAdmin(), user.isEnabled(), user.getCredentialEpoch()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
