package com.mcpportal.portal.user;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Looking accounts up: the user feature's public read API for the features that need an account (sign-in,
 * sessions, access tokens, team membership), so that its repository stays its own. Changes go through
 * {@link UserAccountService}.
 */
@Component
public class UserAccounts {

    private final UserAccountRepository users;

    UserAccounts(UserAccountRepository users) {
        this.users = users;
    }

    /** The account with this id, or empty. */
    public Optional<UserAccount> find(long userId) {
        return users.findById(userId);
    }

    /** The usernames of enabled accounts, alphabetical: the suggestions of pickers such as "add a member". */
    public List<String> enabledUsernames() {
        return users.findAllByOrderByUsername().stream().filter(UserAccount::isEnabled).map(UserAccount::getUsername)
                .toList();
    }

    /** The account with this username in any case (see {@link Usernames#normalize}), or empty. */
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(Usernames.normalize(username));
    }
}
