package com.mcpportal.portal.cloud.image;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A registry that answers as ECR does where a real registry cannot be made to: its Basic challenge, its "not found"
 * for a tag, and its 403 {@code DENIED} refusals, an IAM policy that lacks a push action and a repository at its image
 * quota (both as ECR words them; the quota one is a 403 too, aws/containers-roadmap#2159). Everything else a push needs
 * is accepted, so a publish gets as far as the refusal.
 */
final class EcrShapedRegistry implements AutoCloseable {

    static final String IAM_REFUSAL = "User: arn:aws:sts::123456789012:assumed-role/mcp-portal/portal is not"
            + " authorized to perform: ecr:InitiateLayerUpload on resource:"
            + " arn:aws:ecr:eu-central-1:123456789012:repository/mcp-env1 because no identity-based policy allows the"
            + " ecr:InitiateLayerUpload action";
    static final String QUOTA_REFUSAL = "The repository with name 'mcp-env1' in registry with id '123456789012'"
            + " already has the maximum allowed number of images which is '20000'";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private EcrShapedRegistry() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlEqualTo("/v2/")).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"https://" + host() + "/\",service=\"ecr.amazonaws.com\"")
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("Not Authorized\n")));
        server.stubFor(get(urlPathMatching("/v2/mcp-env1/manifests/.*")).willReturn(error(404, "MANIFEST_UNKNOWN",
                "Requested image not found")));
    }

    /** Refuses the first layer upload as ECR refuses a call the IAM policy does not allow. */
    static EcrShapedRegistry refusingUploads() {
        EcrShapedRegistry registry = new EcrShapedRegistry();
        registry.server.stubFor(post(urlPathMatching("/v2/mcp-env1/blobs/uploads/")).willReturn(
                error(403, "DENIED", IAM_REFUSAL)));
        return registry;
    }

    /** Takes every layer, then refuses the manifest as ECR does for a repository at its image quota. */
    static EcrShapedRegistry atItsImageQuota() {
        EcrShapedRegistry registry = new EcrShapedRegistry();
        String upload = "/v2/mcp-env1/blobs/uploads/0f3a-upload";
        registry.server.stubFor(post(urlPathMatching("/v2/mcp-env1/blobs/uploads/")).willReturn(aResponse()
                .withStatus(202).withHeader("Location", upload).withHeader("Docker-Upload-UUID", "0f3a-upload")));
        registry.server.stubFor(patch(urlPathMatching(upload)).willReturn(aResponse().withStatus(202)
                .withHeader("Location", upload).withHeader("Range", "0-0")));
        registry.server.stubFor(put(urlPathMatching(upload)).willReturn(aResponse().withStatus(201)));
        registry.server.stubFor(put(urlPathMatching("/v2/mcp-env1/manifests/.*")).willReturn(
                error(403, "DENIED", QUOTA_REFUSAL)));
        return registry;
    }

    String host() {
        return "127.0.0.1:" + server.port();
    }

    URI url() {
        return URI.create("http://" + host());
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
    }
}
