package com.mcpportal.mcpserver.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.mcpserver.log.JsonText;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A fake of SSM's JSON API on loopback: {@code GetParameter} with decryption, answering like
 * AWS does, including {@code ParameterNotFound}. Point the SDK at it with {@code AWS_ENDPOINT_URL_SSM}.
 */
public final class FakeSsm implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public FakeSsm() {
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Publishes {@code value} as the SecureString {@code name} (decrypted reads only). */
    public void putParameter(String name, String value) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(equalToJson("{\"Name\":" + JsonText.quote(name) + ",\"WithDecryption\":true}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\":{\"ARN\":\"arn:aws:ssm:eu-west-1:123456789012:parameter" + name
                                + "\",\"DataType\":\"text\",\"LastModifiedDate\":1.767225600E9,\"Name\":"
                                + JsonText.quote(name) + ",\"Type\":\"SecureString\",\"Value\":" + JsonText.quote(value)
                                + ",\"Version\":1}}")));
        server.stubFor(post(urlEqualTo("/")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"\"}")));
    }

    /** Number of GetParameter calls received. */
    public int reads() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
