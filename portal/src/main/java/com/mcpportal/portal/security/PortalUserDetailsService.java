package com.mcpportal.portal.security;

import com.mcpportal.portal.user.UserAccounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for sign-in; usernames are matched case-insensitively. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccounts users;

    PortalUserDetailsService(UserAccounts users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(user -> new PortalUserPrincipal(user.getId(), user.getUsername(), user.getPasswordHash(),
                        user.isAdmin(), user.isEnabled(), user.getCredentialEpoch()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
