package com.mcpportal.portal.environment;

import java.util.List;
import java.util.regex.Pattern;

import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.web.InvalidInputException;

/** The rules an environment's settings follow, checked before anything is stored; each names its form field. */
final class EnvironmentRules {

    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,39}");
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** registry/path[:tag][@sha256:digest], the shape Docker and ECS accept (repository paths are lowercase). */
    static final Pattern IMAGE_URI = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(\\.[a-z0-9-]+)*(:\\d{1,5})?"
            + "(/[a-z0-9]+([._-]+[a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?");
    /** Small, cheap NAT instance types; t4g (ARM) first because they cost the least. */
    static final List<String> NAT_INSTANCE_TYPES = List.of("t4g.nano", "t4g.micro", "t4g.small", "t3.nano",
            "t3.micro", "t3a.nano", "t3a.micro");
    static final Pattern ELEVENLABS_KEY = Pattern.compile("[\\x21-\\x7e]{8,200}");

    private EnvironmentRules() {
    }

    /** @param keyRequired true when creating: an environment cannot run without an ElevenLabs key */
    static void validate(EnvironmentInput input, boolean keyRequired) {
        if (input.name() == null || input.name().isEmpty()) {
            throw new InvalidInputException("name", "Enter a name.");
        }
        if (!NAME.matcher(input.name()).matches()) {
            throw new InvalidInputException("name", "Use 1 to 40 letters, digits, spaces, '.', '_' or '-',"
                    + " starting with a letter or digit.");
        }
        AwsRegions.validate(input.region()).ifPresent(message -> {
            throw new InvalidInputException("region", message);
        });
        if (input.size() == null) {
            throw new InvalidInputException("size", "Choose a size.");
        }
        input.size().validate().ifPresent(message -> {
            throw new InvalidInputException("size", message);
        });
        if (input.architecture() == null) {
            throw new InvalidInputException("architecture", "Choose ARM64 or x86_64.");
        }
        validateImage(input);
        if (input.natInstanceType() == null || !NAT_INSTANCE_TYPES.contains(input.natInstanceType())) {
            throw new InvalidInputException("natInstanceType", "Choose one of " + NAT_INSTANCE_TYPES + ".");
        }
        LogGroup.validateRetention(input.logRetentionDays()).ifPresent(message -> {
            throw new InvalidInputException("logRetentionDays", message + ".");
        });
        Cidrs.validate(input.allowedCidrs()).ifPresent(message -> {
            throw new InvalidInputException("allowedCidrs", message);
        });
        if (input.elevenLabsApiKey() == null) {
            if (keyRequired) {
                throw new InvalidInputException("elevenLabsApiKey", "Enter the ElevenLabs API key the server uses.");
            }
        } else if (!ELEVENLABS_KEY.matcher(input.elevenLabsApiKey()).matches()) {
            // Never echo the value: this message is shown on the page and may be logged.
            throw new InvalidInputException("elevenLabsApiKey", "That does not look like an API key: use 8 to 200"
                    + " printable characters without spaces.");
        }
    }

    private static void validateImage(EnvironmentInput input) {
        if (input.imageSource() == ImageSource.PUBLISHED) {
            return;
        }
        if (input.imageSource() == ImageSource.URI) {
            if (input.imageUri() == null) {
                throw new InvalidInputException("imageUri", "Enter the image URI, e.g."
                        + " public.ecr.aws/acme/mcp-server:1.4.0.");
            }
            if (input.imageUri().length() > 512 || !IMAGE_URI.matcher(input.imageUri()).matches()) {
                throw new InvalidInputException("imageUri", "That is not an image URI; write"
                        + " registry/repository:tag, e.g. public.ecr.aws/acme/mcp-server:1.4.0.");
            }
        } else if (input.imageSource() == ImageSource.REPOSITORY) {
            if (input.imageTag() == null || !TAG.matcher(input.imageTag()).matches()) {
                throw new InvalidInputException("imageTag", "Enter an image tag: letters, digits, '_', '.' or '-',"
                        + " e.g. 1.4.0 or a commit id.");
            }
        } else {
            throw new InvalidInputException("imageSource", "Choose where the image comes from.");
        }
    }
}
