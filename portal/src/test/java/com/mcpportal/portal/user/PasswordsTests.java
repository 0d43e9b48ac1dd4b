package com.mcpportal.portal.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules: long enough, not too long for BCrypt, and none of the passwords everybody tries first. */
class PasswordsTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?m)^#?\\s*([A-Z_]*PASSWORD)=(\\S+)\\s*$");

    @Test
    void longEnoughPasswordsOfOnesOwnArePassed() {
        assertThat(Passwords.problemWith("correct-horse-battery")).isNull();
        assertThat(Passwords.problemWith("a-brand-new-password")).isNull();
        assertThat(Passwords.problemWith(Passwords.generate())).isNull();
    }

    @Test
    void theLengthRulesStay() {
        assertThat(Passwords.problemWith("short")).isEqualTo("Use at least 12 characters.");
        assertThat(Passwords.problemWith("ü".repeat(40))).startsWith("Use at most 72 bytes");
        assertThat(Passwords.problemWith(" ".repeat(12))).isNotNull();
    }

    @Test
    void everyPasswordTheRepositoryShowsAsAnExampleIsRefused() throws IOException {
        List<String> examples = examplePasswords(ROOT.resolve("deploy/compose.env.example"));
        assertThat(examples).as("the compose example's password settings").contains("change-me-admin-password");

        for (String example : examples) {
            assertThat(Passwords.problemWith(example)).as("the example value %s", example)
                    .contains("well-known");
        }
    }

    @Test
    void placeholdersAndTheMostCommonLongPasswordsAreRefused() {
        for (String known : List.of("changeme12345", "ChangeMe-Please-2026", "replace-me-with-a-password",
                "your-password-here", "password1234", "Password123!", "123456789012", "qwertyuiop123",
                "administrator", "aaaaaaaaaaaaaaa", "admin-password")) {
            assertThat(Passwords.problemWith(known)).as(known).contains("well-known");
        }
    }

    private static List<String> examplePasswords(Path file) throws IOException {
        Matcher settings = PASSWORD_SETTING.matcher(Files.readString(file));
        return settings.results().map(setting -> setting.group(2)).toList();
    }
}
