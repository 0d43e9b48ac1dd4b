package com.mcpportal.mcpserver.auth;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;

/**
 * The key-set document in an SSM SecureString parameter. Region, credentials and endpoint come
 * from the AWS SDK's default chains ({@code AWS_REGION}, task role, {@code AWS_ENDPOINT_URL_SSM}).
 * This class is the only one that touches the AWS SDK, so its classes load only when configured.
 */
final class SsmKeySetSource implements KeySetSource, AutoCloseable {

    private final SsmClient client;
    private final String parameterName;

    SsmKeySetSource(String parameterName) {
        this.parameterName = parameterName;
        this.client = SsmClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .build();
    }

    @Override
    public String read() {
        return client.getParameter(request -> request.name(parameterName).withDecryption(true))
                .parameter().value();
    }

    @Override
    public String describe() {
        return "MCP_SERVER_KEYS_SSM_PARAMETER (" + parameterName + ")";
    }

    @Override
    public void close() {
        client.close();
    }
}
