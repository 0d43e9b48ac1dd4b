package com.mcpportal.portal.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.support.PortalRepositoryTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The first start on an empty database: without {@code PORTAL_ADMIN_PASSWORD} the one-time password goes to a file
 * only the portal's user can read, and the log says where, never what; with it, {@code admin} must still choose a
 * password of their own at the first sign-in, and a well-known placeholder is refused.
 */
@PortalRepositoryTest
@Import({UserConfiguration.class, UserAccountService.class, FirstAdminAccount.class, AuditLog.class,
        FirstAdminBootstrapTests.FixedClock.class})
@TestPropertySource(properties = {"portal.admin.password=",
        "portal.admin.password-file=" + FirstAdminBootstrapTests.PASSWORD_FILE})
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminBootstrapTests {

    static final String PASSWORD_FILE = "target/first-admin-bootstrap/initial-admin-password";

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    UserAccountService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGeneratedPasswordIsInAnOwnerOnlyFileAndNowhereInTheLog(CapturedOutput output) throws IOException {
        UserAccount admin = users.findByUsername("admin").orElseThrow();
        List<String> loggedWords = Arrays.stream(output.getAll().split("[^A-Za-z0-9]+"))
                .filter(word -> word.length() >= 16).toList();
        assertThat(loggedWords).as("words in the startup log").isNotEmpty()
                .noneMatch(word -> encoder.matches(word, admin.getPasswordHash()));

        Path file = Path.of(PASSWORD_FILE);
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(encoder.matches(Files.readString(file).trim(), admin.getPasswordHash())).isTrue();
        assertThat(admin.isMustChangePassword()).isTrue();
    }

    @Test
    void aConfiguredPasswordMustAlsoBeChangedAtTheFirstSignIn() {
        jdbc.update("DELETE FROM users");

        UserAccountService.FirstAdmin created = users.createFirstAdminIfNone("a-configured-admin-password",
                password -> fail("a configured password is not handed over")).orElseThrow();

        assertThat(created.generated()).isFalse();
        assertThat(users.findByUsername("admin").orElseThrow().isMustChangePassword()).isTrue();
    }

    @Test
    void theComposeExamplesPlaceholderIsRefused() {
        jdbc.update("DELETE FROM users");

        assertThatThrownBy(() -> users.createFirstAdminIfNone("change-me-admin-password", password -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_ADMIN_PASSWORD").hasMessageContaining("well-known");
        assertThat(users.findByUsername("admin")).isEmpty();
    }
}
