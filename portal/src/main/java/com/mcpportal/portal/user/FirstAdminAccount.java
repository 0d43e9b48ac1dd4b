package com.mcpportal.portal.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the very first start (no users at all), creates the {@code admin} account so someone can sign in. */
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
        users.createFirstAdminIfNone(settings.password()).ifPresent(admin -> {
            if (admin.generatedPassword() == null) {
                log.info("Created the administrator '{}' with the password from PORTAL_ADMIN_PASSWORD.", admin.username());
            }
            else {
                // Printed this once, on purpose: it is the only way in on a fresh install. It must be changed at
                // first sign-in, so the logged value stops working right away.
                log.warn("Created the administrator '{}' with the one-time password: {}  (it is shown only now; "
                        + "you must choose a new one when you sign in)", admin.username(), admin.generatedPassword());
            }
        });
    }
}
