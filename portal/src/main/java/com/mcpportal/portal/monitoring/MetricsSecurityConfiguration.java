package com.mcpportal.portal.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * {@code /actuator/prometheus} answers only a request carrying the bearer token {@code portal.metrics.token};
 * everything else gets 401 with {@code WWW-Authenticate: Bearer}, never the sign-in page. It sits before the
 * portal's own chain and needs no session, so Prometheus can scrape it with {@code authorization.credentials}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class MetricsSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetricsSecurityConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain metricsSecurity(HttpSecurity http, MetricsSettings settings) throws Exception {
        if (!settings.scrapingEnabled()) {
            log.info("/actuator/prometheus is closed: set PORTAL_METRICS_TOKEN to let Prometheus scrape it");
        }
        http.securityMatcher(EndpointRequest.to("prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(MetricsTokenFilter.SCRAPER))
                .addFilterBefore(new MetricsTokenFilter(settings.token()), AuthorizationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, failure);
                }));
        return http.build();
    }
}
