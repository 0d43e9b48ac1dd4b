package com.mcpportal.portal.user;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored user accounts. Usernames are lower-case; callers normalise with {@link Usernames#normalize}. */
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    /**
     * Enabled accounts whose username, or an e-mail address a provider asserted for them, is {@code LIKE} the
     * lower-case {@code pattern} (with {@code !} as its escape character), alphabetical, at most {@code limit}.
     */
    @Query(value = """
            SELECT u.username AS username,
                   (SELECT e.email FROM user_external_identity e WHERE e.user_id = u.id AND e.email IS NOT NULL
                    ORDER BY e.last_sign_in_at DESC LIMIT 1) AS email
            FROM users u
            WHERE u.enabled
              AND (u.username LIKE :pattern ESCAPE '!'
                   OR EXISTS (SELECT 1 FROM user_external_identity e
                              WHERE e.user_id = u.id AND lower(e.email) LIKE :pattern ESCAPE '!'))
            ORDER BY u.username
            LIMIT :limit""", nativeQuery = true)
    List<SuggestionRow> findEnabledMatching(@Param("pattern") String pattern, @Param("limit") int limit);

    /** A row of {@link #findEnabledMatching}. */
    interface SuggestionRow {
        String getUsername();

        /** Null for a portal account: Spring Data refuses a null where a @NullMarked package does not allow it. */
        @Nullable String getEmail();
    }

    /**
     * The e-mail address of each of the accounts: the one given on the account page, else the latest one a sign-in
     * provider asserted; accounts with neither are left out.
     */
    @Query(value = """
            SELECT u.id AS userId,
                   COALESCE(u.email, (SELECT e.email FROM user_external_identity e WHERE e.user_id = u.id
                                      AND e.email IS NOT NULL ORDER BY e.last_sign_in_at DESC LIMIT 1)) AS email
            FROM users u
            WHERE u.id IN (:ids)""", nativeQuery = true)
    List<AddressRow> findAddresses(@Param("ids") java.util.Collection<Long> ids);

    /** A row of {@link #findAddresses}. */
    interface AddressRow {
        Long getUserId();

        @Nullable String getEmail();
    }

    /** Serialises first-start checks of portal instances sharing one database (held until the transaction ends). */
    @Query(value = "SELECT 1 FROM pg_advisory_xact_lock(7420001)", nativeQuery = true)
    int lockForFirstAdmin();
}
