package com.mcpportal.portal.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored user accounts. Usernames are lower-case; callers normalise with {@link Usernames#normalize}. */
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    /** Serialises first-start checks of portal instances sharing one database (held until the transaction ends). */
    @Query(value = "SELECT 1 FROM pg_advisory_xact_lock(7420001)", nativeQuery = true)
    int lockForFirstAdmin();
}
