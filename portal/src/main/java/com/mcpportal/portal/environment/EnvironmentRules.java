package com.mcpportal.portal.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.web.InvalidFieldsException.FieldMessage;
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

    /**
     * Refuses the input with its first field's problems (all of that field's, e.g. every bad CIDR, in one message).
     *
     * @param keyRequired true when creating: an environment cannot run without an ElevenLabs key
     */
    static void validate(EnvironmentInput input, boolean keyRequired) {
        List<FieldMessage> problems = problems(input, keyRequired);
        if (!problems.isEmpty()) {
            String field = problems.get(0).field();
            throw new InvalidInputException(field, problems.stream().filter(p -> p.field().equals(field))
                    .map(FieldMessage::message).collect(Collectors.joining(" ")));
        }
    }

    /** Every problem at once, in form order, so the form can show each beside its field in one round trip. */
    static List<FieldMessage> problems(EnvironmentInput input, boolean keyRequired) {
        List<FieldMessage> problems = new ArrayList<>();
        if (input.name() == null || input.name().isEmpty()) {
            problems.add(new FieldMessage("name", "Enter a name."));
        } else if (!NAME.matcher(input.name()).matches()) {
            problems.add(new FieldMessage("name", "Use 1 to 40 letters, digits, spaces, '.', '_' or '-',"
                    + " starting with a letter or digit."));
        }
        AwsRegions.validate(input.region()).ifPresent(message -> problems.add(new FieldMessage("region", message)));
        if (input.size() == null) {
            problems.add(new FieldMessage("size", "Choose a size."));
        } else {
            input.size().validate().ifPresent(message -> problems.add(new FieldMessage("size", message)));
        }
        if (input.architecture() == null) {
            problems.add(new FieldMessage("architecture", "Choose ARM64 or x86_64."));
        }
        imageProblem(input).ifPresent(problems::add);
        if (input.natInstanceType() == null || !NAT_INSTANCE_TYPES.contains(input.natInstanceType())) {
            problems.add(new FieldMessage("natInstanceType", "Choose one of " + NAT_INSTANCE_TYPES + "."));
        }
        LogGroup.validateRetention(input.logRetentionDays()).ifPresent(message ->
                problems.add(new FieldMessage("logRetentionDays", message + ".")));
        Cidrs.problems(input.allowedCidrs()).forEach(message -> problems.add(new FieldMessage("allowedCidrs", message)));
        if (input.elevenLabsApiKey() == null) {
            if (keyRequired) {
                problems.add(new FieldMessage("elevenLabsApiKey", "Enter the ElevenLabs API key the server uses."));
            }
        } else if (!ELEVENLABS_KEY.matcher(input.elevenLabsApiKey()).matches()) {
            // Never echo the value: this message is shown on the page and may be logged.
            problems.add(new FieldMessage("elevenLabsApiKey", "That does not look like an API key: use 8 to 200"
                    + " printable characters without spaces."));
        }
        return problems;
    }

    private static Optional<FieldMessage> imageProblem(EnvironmentInput input) {
        if (input.imageSource() == ImageSource.PUBLISHED) {
            return Optional.empty();
        }
        if (input.imageSource() == ImageSource.URI) {
            if (input.imageUri() == null) {
                return Optional.of(new FieldMessage("imageUri", "Enter the image URI, e.g."
                        + " public.ecr.aws/acme/mcp-server:1.4.0."));
            }
            if (input.imageUri().length() > 512 || !IMAGE_URI.matcher(input.imageUri()).matches()) {
                return Optional.of(new FieldMessage("imageUri", "That is not an image URI; write"
                        + " registry/repository:tag, e.g. public.ecr.aws/acme/mcp-server:1.4.0."));
            }
            return Optional.empty();
        }
        if (input.imageSource() == ImageSource.REPOSITORY) {
            return input.imageTag() == null || !TAG.matcher(input.imageTag()).matches()
                    ? Optional.of(new FieldMessage("imageTag", "Enter an image tag: letters, digits, '_', '.' or '-',"
                            + " e.g. 1.4.0 or a commit id."))
                    : Optional.empty();
        }
        return Optional.of(new FieldMessage("imageSource", "Choose where the image comes from."));
    }
}
