package com.mcpportal.portal.accesstoken;

import jakarta.servlet.DispatcherType;

import com.mcpportal.portal.api.ApiProblems;
import com.mcpportal.portal.security.EagerSecurityHeaders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The REST API's own chain for {@code /api/**}, before the pages' chain: a personal access token in
 * {@code Authorization: Bearer} and nothing else (no session cookie, no sign-in form, so no CSRF token either),
 * 401 and 403 as problem JSON. Team roles are checked by the controllers through {@code TeamAccess}, as on the pages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessTokenSettings.class)
class ApiSecurityConfiguration {

    static final String REALM = "Bearer realm=\"mcp-portal\"";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            boolean tokenRefused = failure instanceof BadCredentialsException;
            response.setHeader("WWW-Authenticate", tokenRefused ? REALM + ", error=\"invalid_token\"" : REALM);
            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", tokenRefused
                    ? failure.getMessage()
                    : "Send a personal access token (Your account → Access tokens) as Authorization: Bearer mcpp_…");
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> ApiProblems.write(response,
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not use this API path.");
        http.securityMatcher("/api/**")
                // A streamed answer (the audit export) ends in an async dispatch of a request already authorized;
                // the token filter runs once per request, so that dispatch carries no authentication of its own.
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .anyRequest().authenticated())
                .addFilterAfter(new BearerTokenFilter(tokens, unauthorized), SecurityContextHolderFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.withObjectPostProcessor(EagerSecurityHeaders.writtenFirst()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }
}
