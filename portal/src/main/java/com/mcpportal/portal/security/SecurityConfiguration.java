package com.mcpportal.portal.security;

import com.mcpportal.portal.user.UserAccounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what: {@code /actuator/health}, the login page, styles and error pages are public; {@code /admin/**}
 * needs the platform role ADMIN; everything else needs a signed-in user, and team pages check membership
 * themselves through {@code TeamAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SignInSettings.class)
public class SecurityConfiguration {

    /**
     * The one inline style allowed, by its hash: Swagger UI's top bar logo (an SVG React renders with a
     * {@code <style>} element, in the webjar's {@code swagger-ui-standalone-preset.js}). A nonce cannot work there, as
     * the script creates the element; {@code SwaggerUiStyleHashTests} fails when a Swagger UI upgrade changes it.
     */
    static final String SWAGGER_UI_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    /** Only our own files: no inline scripts or styles (but the one above), no framing, forms post only to us. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' " + SWAGGER_UI_LOGO_STYLE + "; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                       SignInHandlers signInHandlers, UserAccounts users,
                                       PortalSessions sessions) throws Exception {
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
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new PortalAccessDeniedHandler()))
                .addFilterBefore(new ActiveAccountFilter(users, sessions), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder passwordEncoder,
                                                SignInThrottle throttle) {
        return new ProviderManager(new ThrottlingAuthenticationProvider(userDetailsService, passwordEncoder, throttle));
    }
}
