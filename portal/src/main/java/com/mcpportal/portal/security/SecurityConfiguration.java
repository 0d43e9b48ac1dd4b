package com.mcpportal.portal.security;

import com.mcpportal.portal.user.UserAccounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what: {@code /actuator/health}, the login page, styles and error pages are public; {@code /admin/**}
 * needs the platform role ADMIN; everything else needs a signed-in user, and team pages check membership
 * themselves through {@code TeamAccess}. People sign in with the form (local accounts) or, when providers are
 * configured ({@link OidcSettings}), with an OpenID Connect provider; both end in the same session handling.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SignInSettings.class, OidcSettings.class, LocalSignInSettings.class})
public class SecurityConfiguration {

    /**
     * Only our own files: no inline scripts or styles, no framing, forms post only to us. Swagger UI's page keeps to it
     * too: it is drawn without its top bar, whose logo was an inline style (see {@code api.SwaggerUiPage}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                       SignInHandlers signInHandlers, UserAccounts users,
                                       PortalSessions sessions, OidcClientRegistrations providers)
            throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/css/**", "/favicon.svg", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signInHandlers)
                        .failureHandler(signInHandlers))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(signInHandlers)
                        .logoutSuccessHandler(signInHandlers)
                        .deleteCookies("PORTAL_SESSION"))
                .sessionManagement(management -> management
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.withObjectPostProcessor(EagerSecurityHeaders.writtenFirst())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new PortalAccessDeniedHandler()))
                .addFilterBefore(new ActiveAccountFilter(users, sessions), AuthorizationFilter.class);
        // Always on, as an administrator may add a provider while the portal runs (an unknown provider id is
        // answered like an unreachable one). Spring Security 7 sends a PKCE challenge (S256) for confidential
        // clients too, and state and nonce; OidcSignInIntegrationTests checks all three for both kinds of client.
        http.oauth2Login(oidc -> oidc.loginPage("/login")
                .clientRegistrationRepository(providers)
                // Only the sign-in needs the provider's tokens: they stay in the session and end with it.
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .successHandler(signInHandlers)
                .failureHandler(signInHandlers)
                // A provider that cannot be reached (its discovery document) is a sentence on the login page,
                // not an error page.
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                        filter.setAuthenticationFailureHandler(signInHandlers);
                        return filter;
                    }
                }));
        return http.build();
    }

    /**
     * The form's passwords, and the providers' answers: the authorization code is exchanged for tokens, the ID
     * token checked (signature against the provider's keys, issuer, audience, expiry, nonce) and its person found
     * or made an account by {@link OidcAccounts}. One manager for both, as the chain takes this one rather than
     * the providers its configurers would add.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder passwordEncoder,
                                                SignInThrottle throttle, OidcAccounts oidcAccounts,
                                                LocalSignInSettings localSignIn) {
        return new ProviderManager(new ThrottlingAuthenticationProvider(userDetailsService, passwordEncoder, throttle,
                localSignIn),
                new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                        oidcAccounts));
    }
}
