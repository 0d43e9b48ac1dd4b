package com.mcpportal.portal.user;

import java.time.Instant;

import com.mcpportal.portal.support.PortalRepositoryTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account storage rules enforced by the database itself, on the real (embedded) PostgreSQL. */
@PortalRepositoryTest
class UserAccountRepositoryTests {

    @Autowired
    UserAccountRepository users;

    @Test
    void usernamesAreUniqueAndStoredLowerCase() {
        users.saveAndFlush(new UserAccount("alice", "{noop}x", false, false, Instant.now()));

        assertThat(users.findByUsername("alice")).get().extracting(UserAccount::isEnabled).isEqualTo(true);
        assertThatThrownBy(() -> users.saveAndFlush(new UserAccount("alice", "{noop}y", false, false, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesAMixedCaseUsername() {
        assertThatThrownBy(() -> users.saveAndFlush(new UserAccount("Bob", "{noop}x", false, false, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theFirstAdminLockCanBeTakenInsideATransaction() {
        assertThat(users.lockForFirstAdmin()).isEqualTo(1);
    }
}
