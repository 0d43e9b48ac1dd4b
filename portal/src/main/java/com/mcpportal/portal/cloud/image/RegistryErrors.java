package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.image.json.PlatformNotFoundInBaseImageException;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what Jib and registries throw into {@link CloudException}s with the registry's own words: the {@code
 * message} of each entry in a Registry API error body ({@code {"errors":[{"code":"DENIED","message":"User: … is not
 * authorized to perform: ecr:InitiateLayerUpload …"}]}}), said of the base image when it was the base that failed.
 * Refusals (401/403) are ACCESS_DENIED, a base image that is not there is INVALID_REQUEST (retrying cannot help until
 * the setting changes), 429, 5xx and network trouble are TRANSIENT, the rest FAILED; Retry resumes at the step.
 */
final class RegistryErrors {

    static final String SERVICE = "registry";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryErrors() {
    }

    /**
     * @param base           the base image reference as configured
     * @param baseRepository its {@code registry/repository} as Jib names it (Docker Hub's with its registry host)
     * @param target         the image being pushed, {@code registry/repository:tag}
     */
    static CloudException translate(Throwable thrown, String base, String baseRepository, String target) {
        Throwable e = unwrap(thrown);
        if (e instanceof RegistryUnauthorizedException refused) {
            boolean ofBase = refused.getImageReference().equals(baseRepository);
            String detail = registryMessages(refused.getCause()).orElse(refused.getMessage());
            return new CloudException(CloudErrorKind.ACCESS_DENIED, null, SERVICE, status(refused.getCause()),
                    ofBase ? "The base image " + base + " cannot be pulled: " + detail
                            + " (set portal.images.base-image-username and -password, or a Docker config)"
                            : "The registry refused " + target + ": " + detail, e);
        }
        if (e instanceof PlatformNotFoundInBaseImageException) {
            return new CloudException(CloudErrorKind.INVALID_REQUEST, null, SERVICE, "PlatformNotFound",
                    "The base image " + base + " has no image for this architecture: " + e.getMessage(), e);
        }
        // Jib's RegistryErrorException (400, 404, 405: a name, tag or manifest the registry does not know) and the rest.
        if (e instanceof RegistryException error) {
            boolean ofBase = error.getMessage() != null && error.getMessage().contains(baseRepository);
            int status = statusCode(error.getCause());
            CloudErrorKind kind = ofBase ? CloudErrorKind.INVALID_REQUEST
                    : status == 429 || status >= 500 ? CloudErrorKind.TRANSIENT : CloudErrorKind.FAILED;
            String detail = registryMessages(error.getCause()).orElse(error.getMessage());
            return new CloudException(kind, null, SERVICE, status(error.getCause()), ofBase
                    ? "The base image " + base + " cannot be pulled: " + detail + " (check portal.images.base-image)"
                    : "Publishing " + target + " failed: " + detail, e);
        }
        if (e instanceof ResponseException response) {
            int status = response.getStatusCode();
            return new CloudException(status == 429 || status >= 500 ? CloudErrorKind.TRANSIENT : CloudErrorKind.FAILED,
                    null, SERVICE, "HTTP " + status, "Publishing " + target + " failed: the registry answered "
                            + status + " " + registryMessages(response).orElse(response.getMessage()), e);
        }
        if (e instanceof InsecureRegistryException || e instanceof InvalidImageReferenceException) {
            return new CloudException(CloudErrorKind.INVALID_REQUEST, null, SERVICE, e.getClass().getSimpleName(),
                    e.getMessage(), e);
        }
        if (e instanceof CacheDirectoryCreationException) {
            return new CloudException(CloudErrorKind.FAILED, null, "portal", "CacheDirectory", "Cannot use the image"
                    + " cache (portal.images.cache-directory): " + e.getMessage(), e);
        }
        if (e instanceof IOException) {
            return new CloudException(CloudErrorKind.TRANSIENT, null, SERVICE, null, "Publishing " + target
                    + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return new CloudException(CloudErrorKind.FAILED, null, SERVICE, null, "Publishing " + target + " failed: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    /** The messages of a Registry API error body, joined; empty when the answer had none. */
    static Optional<String> registryMessages(Throwable cause) {
        if (!(cause instanceof ResponseException response) || response.getContent() == null) {
            return Optional.empty();
        }
        return messagesOf(response.getContent());
    }

    static Optional<String> messagesOf(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                String code = error.path("code").asString("");
                String message = error.path("message").asString("");
                messages.add(code.isEmpty() ? message : code + ": " + message);
            }
            return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
        } catch (RuntimeException notJson) {
            String text = body.strip();
            return text.isEmpty() ? Optional.empty()
                    : Optional.of(text.length() > 500 ? text.substring(0, 500) + "…" : text);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static int statusCode(Throwable cause) {
        return cause instanceof ResponseException response ? response.getStatusCode() : -1;
    }

    private static String status(Throwable cause) {
        int status = statusCode(cause);
        return status < 0 ? null : "HTTP " + status;
    }
}
