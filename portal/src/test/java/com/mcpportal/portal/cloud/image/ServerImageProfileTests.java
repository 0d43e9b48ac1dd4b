package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * mcp-server's {@code jib} profile (the CI path, deploy/ci/) lays the image out as the portal's publisher does: the
 * same default base image, pinned by the same digest, and the same user, entry point, JVM flags and port. A release
 * that moves one must move the other; ServerImageProfileIntegrationTests builds both and compares the images.
 */
class ServerImageProfileTests {

    private static final Path POM = Path.of("..", "mcp-server", "pom.xml");

    @Test
    void theProfileUsesThePortalsBaseImageUserEntryPointFlagsAndPort() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String profile = "/project/profiles/profile[id='jib']";
        String container = profile + "/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container";

        assertThat(xpath.evaluate(profile + "/properties/jib.base.name", pom) + "@"
                + xpath.evaluate(profile + "/properties/jib.base.digest", pom))
                .isEqualTo(ImageSettings.DEFAULT_BASE_IMAGE);
        assertThat(xpath.evaluate(container + "/user", pom)).isEqualTo(ServerImageLayout.USER);
        assertThat(xpath.evaluate(container + "/workingDirectory", pom)).isEqualTo(ServerImageLayout.APP);
        assertThat(xpath.evaluate(container + "/environment/JVM_FLAGS", pom)).isEqualTo(ServerImageLayout.JVM_FLAGS);
        assertThat(xpath.evaluate(container + "/environment/PORT", pom))
                .isEqualTo(String.valueOf(ServerImageLayout.PORT));
        assertThat(xpath.evaluate(container + "/ports/port", pom)).isEqualTo(String.valueOf(ServerImageLayout.PORT));
        NodeList entrypoint = (NodeList) xpath.evaluate(container + "/entrypoint/arg", pom, XPathConstants.NODESET);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < entrypoint.getLength(); i++) {
            args.add(entrypoint.item(i).getTextContent());
        }
        assertThat(args).isEqualTo(ServerImageLayout.ENTRYPOINT);
    }
}
