package com.mcpportal.portal.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.SecretRef;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/**
 * The environment's secrets as SSM SecureString parameters under {@code /mcp-portal/<env>/},
 * encrypted with the account's default SSM key. Values go to AWS and nowhere else.
 */
final class SecretResources {

    static final String SECRET = "secret";

    static String path(EnvironmentRef env) {
        return "/mcp-portal/" + env.resourceName();
    }

    SecretRef put(SsmClient ssm, EnvironmentRef env, String name, String value) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ssm", null,
                    "Secret names are 1-100 letters, digits, '.', '_' or '-'", null);
        }
        String parameter = path(env) + "/" + name;
        // Intelligent-Tiering: standard (free) up to 4 KB, advanced only when a big key set needs it.
        ssm.putParameter(r -> r.name(parameter).value(value).type(ParameterType.SECURE_STRING).overwrite(true)
                .tier(ParameterTier.INTELLIGENT_TIERING).description("mcp-portal secret of " + env.resourceName()));
        // PutParameter refuses tags together with overwrite, so they are added separately.
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(parameter)
                .tags(AwsTags.ssm(env, SECRET)));
        // No ARN, so no lookup: the task definition names the parameter, which ECS accepts in the task's region.
        return new SecretRef(parameter, null);
    }

    void deleteAll(SsmClient ssm, EnvironmentRef env) {
        List<String> names = list(ssm, ParameterStringFilter.builder().key("Path").option("Recursive")
                .values(path(env)).build()).stream().map(ParameterMetadata::name).filter(Objects::nonNull).toList();
        for (int from = 0; from < names.size(); from += 10) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + 10));
            ssm.deleteParameters(r -> r.names(batch));
        }
    }

    private static List<ParameterMetadata> list(SsmClient ssm, ParameterStringFilter filter) {
        List<ParameterMetadata> found = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            var response = ssm.describeParameters(r -> r.parameterFilters(filter).maxResults(50).nextToken(page));
            found.addAll(response.parameters());
            token = response.nextToken();
        } while (token != null);
        return found;
    }
}
