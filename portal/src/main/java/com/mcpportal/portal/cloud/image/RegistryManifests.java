package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.google.cloud.tools.jib.global.JibSystemProperties;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;

/**
 * Asks a registry whether a tag exists, over the Registry HTTP API ({@code GET /v2/<name>/manifests/<tag>}, the call
 * ECR authorizes as {@code ecr:BatchGetImage}), and returns the manifest's digest: the SHA-256 of the bytes served.
 * It runs before Jib, so an image already published under its tag costs one request: no base image pulled, no layer
 * built or checked.
 */
final class RegistryManifests {

    static final String ACCEPT = String.join(", ", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The digest {@code tag} names in {@code registry/repository}, or empty when the registry does not know it. */
    Optional<String> digest(String registry, String repository, String tag, RegistryLogin login, boolean insecure) {
        URI uri = URI.create((insecure ? "http://" : "https://") + registry + "/v2/" + repository + "/manifests/" + tag);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept",
                ACCEPT).GET();
        // Like Jib, never a password over plain HTTP unless Jib's own sendCredentialsOverHttp says so.
        if (login != null && (!insecure || JibSystemProperties.sendCredentialsOverHttp())) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CloudException(CloudErrorKind.TRANSIENT, null, RegistryErrors.SERVICE, null, "Cannot reach the"
                    + " registry " + registry + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudErrorKind.TIMEOUT, null, RegistryErrors.SERVICE, null,
                    "Interrupted while asking " + registry + " for " + repository + ":" + tag, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        String detail = RegistryErrors.messagesOf(new String(response.body(), StandardCharsets.UTF_8))
                .orElse("no details");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new CloudException(CloudErrorKind.ACCESS_DENIED, null, RegistryErrors.SERVICE,
                    "HTTP " + response.statusCode(), "The registry refused to read " + registry + "/" + repository
                            + ":" + tag + ": " + detail, null);
        }
        if (response.statusCode() != 200) {
            boolean transientError = response.statusCode() == 429 || response.statusCode() >= 500;
            throw new CloudException(transientError ? CloudErrorKind.TRANSIENT : CloudErrorKind.FAILED, null,
                    RegistryErrors.SERVICE, "HTTP " + response.statusCode(), "Reading " + registry + "/" + repository
                            + ":" + tag + " failed: " + detail, null);
        }
        return Optional.of("sha256:" + HexFormat.of().formatHex(CarriedServer.sha256().digest(response.body())));
    }
}
