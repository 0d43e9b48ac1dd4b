package com.mcpportal.portal.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no users at all), creates the {@code admin} account so someone can sign in. A generated
 * one-time password goes to a file only the portal's user can read, like the generated secret key, never to the log:
 * logs are collected, kept and read by more people than the operator, who could sign in before them.
 */
@Component
class FirstAdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminAccount.class);

    private final UserAccountService users;
    private final AdminSettings settings;

    FirstAdminAccount(UserAccountService users, AdminSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = settings.passwordFile().toAbsolutePath();
        users.createFirstAdminIfNone(settings.password(), password -> writeOwnerOnly(file, password))
                .ifPresentOrElse(admin -> {
                    if (admin.generated()) {
                        log.warn("Created the administrator '{}' with a one-time password, written to {} (readable by"
                                + " this user only). Sign in with it and choose your own password.", admin.username(),
                                file);
                    }
                    else {
                        log.info("Created the administrator '{}' with the password from PORTAL_ADMIN_PASSWORD; it must"
                                + " be changed at the first sign-in.", admin.username());
                    }
                }, () -> forgetUsedPassword(file));
    }

    /** Once the administrator has chosen their own password, the one-time password in the file is useless. */
    private void forgetUsedPassword(Path file) {
        if (Files.exists(file) && users.findByUsername("admin").filter(admin -> !admin.isMustChangePassword()).isPresent()) {
            try {
                Files.delete(file);
                log.info("Deleted {}: the administrator has chosen their own password.", file);
            }
            catch (IOException e) {
                log.warn("Could not delete {}, which held the administrator's used one-time password: {}", file,
                        e.getMessage());
            }
        }
    }

    /**
     * Writes the password to a new file created with owner-only permissions (no moment where others could read it);
     * a file left by an earlier first start that never finished is replaced.
     */
    static void writeOwnerOnly(Path target, String password) {
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(target, ownerOnly);
            Files.writeString(target, password + "\n", StandardCharsets.US_ASCII);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the administrator's one-time password to " + target
                    + ". Make its directory writable, set PORTAL_ADMIN_PASSWORD_FILE to a writable place, or set"
                    + " PORTAL_ADMIN_PASSWORD.", e);
        }
    }
}
