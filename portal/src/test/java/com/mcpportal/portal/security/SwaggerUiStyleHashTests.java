package com.mcpportal.portal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code <style>} element the Swagger UI webjar's scripts create is allowed by the portal's
 * Content-Security-Policy by its hash, so the page logs no CSP error; an upgrade that changes one fails here, with the
 * hash to put into {@link SecurityConfiguration#SWAGGER_UI_LOGO_STYLE}.
 */
class SwaggerUiStyleHashTests {

    /** React's {@code createElement("style", null, "…")} with a plain string literal as the style sheet. */
    private static final Pattern STYLE_ELEMENT = Pattern.compile("createElement\\(\"style\",null,\"([^\"\\\\]*)\"\\)");

    @Test
    void theScriptsInlineStylesAreAllowedByTheirHashesAndNothingElseInline() throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/resources/webjars/swagger-ui/*/swagger-ui*.js");
        assertThat(scripts).as("the Swagger UI webjar's scripts").isNotEmpty();

        List<String> hashes = new ArrayList<>();
        for (Resource script : scripts) {
            Matcher styles = STYLE_ELEMENT.matcher(read(script));
            while (styles.find()) {
                hashes.add("'sha256-" + sha256(styles.group(1)) + "'");
            }
        }

        assertThat(hashes).as("the top bar logo's style element").isNotEmpty();
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains(hashes)
                .doesNotContain("unsafe-inline");
    }

    private static String read(Resource script) throws IOException {
        try (var in = script.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String styleSheet) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(styleSheet.getBytes(StandardCharsets.UTF_8)));
    }
}
