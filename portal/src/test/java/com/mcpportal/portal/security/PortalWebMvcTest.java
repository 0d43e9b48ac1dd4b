package com.mcpportal.portal.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.mcpportal.portal.apikey.web.ApiKeyStatusViews;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.ExternalAccounts;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.web.DisplayFormat;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A controller slice with the portal's real security rules (CSRF, roles, headers, login page) and no database:
 * accounts are stubbed as existing and enabled; the audit log, the sign-in throttle, the session rows and
 * {@link TeamService} (which the navigation uses on every page; {@code @Autowired} it to stub it) and
 * {@link ApiKeyStatusViews} (the team and environment pages' key flags) are mocks. Mock the controller's other
 * collaborators with {@code @MockitoBean} in the test and sign in with
 * {@code .with(user(PortalUserPrincipal.of(1, "alice", false)))}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({SecurityConfiguration.class, SignInHandlers.class, PortalUserDetailsService.class, DisplayFormat.class,
        EnabledAccountsStub.class, OidcClientRegistrations.class, OidcAccounts.class})
@MockitoBean(types = {AuditLog.class, SignInThrottle.class, PortalSessions.class, PasswordEncoder.class,
        TeamService.class, ExternalAccounts.class, OidcProviders.class})
@MockitoBean(name = "apiKeyStatus", types = ApiKeyStatusViews.class)
@MockitoBean(types = UserAccounts.class, reset = MockReset.NONE)
public @interface PortalWebMvcTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
