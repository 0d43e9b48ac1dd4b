package com.mcpportal.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} (springdoc: {@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}, both for signed-in users): every operation needs a personal access token as a
 * bearer token; errors are RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "personalAccessToken";

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MCP Portal API").version("v1").description("""
                        Automate the MCP Portal: environments and their operations, schedules, API keys, audit events
                        and cost estimates. Authenticate with a personal access token (Your account → Access tokens)
                        sent as `Authorization: Bearer mcpp_…`; it acts with your current team roles, exactly as the
                        pages do. Errors are RFC 9457 problem details (`application/problem+json`, type
                        `urn:mcp-portal:problem:<kind>`). Lists are keyset-paged: pass `next` back as `?cursor=`.
                        POSTs that create things take an `Idempotency-Key` header: a repeat with the same body replays
                        the first answer (header `Idempotent-Replayed: true`) for 24 hours."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mcpp_<public id>_<secret>")
                        .description("A personal access token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
