package com.mcpportal.portal.environment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.account.CloudAccount;

/**
 * The environment form. Simple checks are annotations; the rest ({@link EnvironmentRules}) runs in the service and
 * comes back beside the field. The ElevenLabs key is never put back into the form: it is write-only.
 *
 * @param size "cpu/memory" as in the pick list, e.g. {@code 256/512}
 */
record EnvironmentForm(
        @NotBlank(message = "Enter a name.") @Size(max = 40, message = "Use at most 40 characters.") String name,
        @NotNull(message = "Choose a cloud account.") Long cloudAccountId,
        @NotBlank(message = "Choose a region.") @Size(max = 30, message = "That is not a region code.") String region,
        @NotBlank(message = "Choose a size.") String size,
        @NotNull(message = "Choose ARM64 or x86_64.") Architecture architecture,
        @NotNull(message = "Choose where the image comes from.") ImageSource imageSource,
        @Size(max = 128, message = "A tag has at most 128 characters.") String imageTag,
        @Size(max = 512, message = "Use at most 512 characters.") String imageUri,
        @NotBlank(message = "Choose a NAT instance type.") String natInstanceType,
        Boolean natSpot,
        Boolean fargateSpot,
        @NotNull(message = "Choose how long logs are kept.") Integer logRetentionDays,
        @Size(max = 2000, message = "Use at most 2000 characters.") String allowedCidrs,
        @Size(max = 200, message = "That is too long for an API key.") String elevenLabsApiKey) {

    /** A new environment's defaults: the cheapest working layout, in the account's default region. */
    static EnvironmentForm defaults(CloudAccount account) {
        NatSpec nat = NatSpec.defaults();
        return new EnvironmentForm("", account == null ? null : account.getId(),
                account == null ? "eu-central-1" : account.getDefaultRegion(), sizeValue(FargateSize.DEFAULT),
                Architecture.ARM64, ImageSource.PUBLISHED, "", "", nat.instanceType(), nat.spot(), false, 7, "", "");
    }

    static EnvironmentForm of(Environment environment) {
        return new EnvironmentForm(environment.getName(), environment.getCloudAccountId(), environment.getRegion(),
                sizeValue(environment.getSize()), environment.getArchitecture(), environment.getImageSource(),
                environment.getImageTag() == null ? "" : environment.getImageTag(),
                environment.getImageUri() == null ? "" : environment.getImageUri(), environment.getNatInstanceType(),
                environment.isNatSpot(), environment.isFargateSpot(), environment.getLogRetentionDays(),
                String.join("\n", environment.cidrs()), "");
    }

    /** The same form with the key kept from a refused try, which the page never carries back. */
    EnvironmentForm withKey(String key) {
        return new EnvironmentForm(name, cloudAccountId, region, size, architecture, imageSource, imageTag, imageUri,
                natInstanceType, natSpot, fargateSpot, logRetentionDays, allowedCidrs, key);
    }

    static String sizeValue(FargateSize size) {
        return size.cpu() + "/" + size.memoryMiB();
    }

    EnvironmentInput input() {
        return new EnvironmentInput(name, cloudAccountId == null ? 0 : cloudAccountId, region, parseSize(), architecture,
                imageSource, imageTag, imageUri, natInstanceType, Boolean.TRUE.equals(natSpot),
                Boolean.TRUE.equals(fargateSpot), logRetentionDays == null ? 0 : logRetentionDays,
                Cidrs.split(allowedCidrs), elevenLabsApiKey);
    }

    private FargateSize parseSize() {
        if (size == null || !size.matches("\\d{1,6}/\\d{1,7}")) {
            return null;
        }
        String[] parts = size.split("/");
        return new FargateSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Never the key, should a form end up in a log line. */
    @Override
    public String toString() {
        return "EnvironmentForm[" + name + "]";
    }
}
