package com.mcpportal.portal.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Looking accounts up: the user feature's public read API for the features that need an account (sign-in,
 * sessions, access tokens, team membership), so that its repository stays its own. Changes go through
 * {@link UserAccountService}.
 */
@Component
public class UserAccounts {

    /** What {@code LIKE} would read as a wildcard, and the escape character itself. */
    private static final Pattern LIKE_SPECIAL = Pattern.compile("[%_!]");

    private final UserAccountRepository users;

    UserAccounts(UserAccountRepository users) {
        this.users = users;
    }

    /** The account with this id, or empty. */
    public Optional<UserAccount> find(long userId) {
        return users.findById(userId);
    }

    /**
     * Enabled accounts whose username, or an e-mail address their provider asserted, starts with {@code prefix} in any
     * case, alphabetical, at most {@code limit} of them and none of {@code leftOut} (usernames): the suggestions of
     * pickers such as a team's "add a member", which ask as a person types instead of listing every account.
     */
    public List<AccountSuggestion> suggest(String prefix, Collection<String> leftOut, int limit) {
        String pattern = LIKE_SPECIAL.matcher(prefix.toLowerCase(Locale.ROOT)).replaceAll("!$0") + "%";
        return users.findEnabledMatching(pattern, limit + leftOut.size()).stream()
                .filter(row -> !leftOut.contains(row.getUsername()))
                .limit(limit)
                .map(row -> new AccountSuggestion(row.getUsername(), row.getEmail()))
                .toList();
    }

    /**
     * Where to write to each of these accounts, by id: the address the person gave on their account page, else the
     * latest one their sign-in provider asserted. Accounts with neither are left out (not reachable by e-mail).
     */
    public Map<Long, String> emailAddresses(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> addresses = new LinkedHashMap<>();
        for (UserAccountRepository.AddressRow row : users.findAddresses(userIds)) {
            String email = row.getEmail();
            if (email != null) {
                addresses.put(row.getUserId(), email);
            }
        }
        return addresses;
    }

    /** The account with this username in any case (see {@link Usernames#normalize}), or empty. */
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(Usernames.normalize(username));
    }
}
