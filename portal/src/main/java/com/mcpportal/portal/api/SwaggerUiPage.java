package com.mcpportal.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI's page as the portal serves it: the webjar's {@code index.html} with our title, a main landmark, and a
 * style sheet and script of our own ({@code /css/swagger-ui.css}, {@code /js/swagger-ui.js}) that give its widgets
 * the contrast and names axe asks of every page. Files, not inline code, so the Content-Security-Policy stays
 * {@code 'self'}. springdoc's own transformation of {@code swagger-initializer.js} (its settings) is kept; it takes
 * this bean in place of its default one.
 */
@Component
class SwaggerUiPage extends SwaggerIndexPageTransformer {

    SwaggerUiPage(SwaggerUiConfigProperties settings, SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome,
            ObjectMapperProvider json) {
        super(settings, oauth, welcome, json);
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        String name = resource.getFilename();
        if (!"index.html".equals(name)) {
            return super.transform(request, resource, chain);
        }
        return new TransformedResource(resource, ours(resource.getContentAsString(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The webjar's page with ours added; each replacement is of a line the webjar's page has had since 4.x (an upgrade
     * that changes one fails {@code OpenApiIntegrationTests}). The title's dot is an entity: the webjar's file is
     * served without a charset in its content type.
     */
    static String ours(String index) {
        return index.replace("<title>Swagger UI</title>", "<title>API documentation &middot; MCP Portal</title>")
                .replace("<link rel=\"stylesheet\" type=\"text/css\" href=\"index.css\" />",
                        "<link rel=\"stylesheet\" type=\"text/css\" href=\"index.css\" />\n"
                                + "    <link rel=\"stylesheet\" type=\"text/css\" href=\"../css/swagger-ui.css\" />")
                .replace("<div id=\"swagger-ui\"></div>", "<main id=\"swagger-ui\"></main>")
                .replace("</body>", "  <script src=\"../js/swagger-ui.js\"></script>\n  </body>");
    }
}
