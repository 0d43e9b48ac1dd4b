package com.mcpportal.portal.cloud;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** AWS region codes: the shape every region has, and the common ones for pick lists. */
public final class AwsRegions {

    /** {@code eu-central-1}, {@code us-gov-west-1}, {@code ap-southeast-5} … */
    public static final Pattern PATTERN = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    /** Commercial regions, offered as suggestions; any code of the right shape is accepted. */
    public static final List<String> SUGGESTED = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "sa-east-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-north-1", "eu-south-1", "eu-south-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-east-1",
            "me-south-1", "me-central-1", "il-central-1", "af-south-1");

    private AwsRegions() {
    }

    /** Why {@code region} is not a region code, or empty when it is one. */
    public static Optional<String> validate(String region) {
        if (region == null || region.isBlank()) {
            return Optional.of("Choose a region.");
        }
        return PATTERN.matcher(region).matches() ? Optional.empty()
                : Optional.of("'" + region + "' is not an AWS region code, e.g. eu-central-1.");
    }
}
