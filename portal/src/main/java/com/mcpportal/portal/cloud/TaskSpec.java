package com.mcpportal.portal.cloud;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the MCP server's task runs: size, architecture, image, the roles it runs under (created
 * once per cloud account), secrets by parameter ARN, the key-set parameter the server reloads,
 * the client CIDRs it accepts (empty: all), the proxies it trusts for X-Forwarded-For, extra
 * environment variables, and the log group.
 */
public record TaskSpec(FargateSize size, Architecture architecture, String image, int containerPort,
        String executionRoleArn, String taskRoleArn, Map<String, SecretRef> secrets, String keySetParameterName,
        List<String> allowedCidrs, List<String> trustedProxyCidrs, Map<String, String> environment,
        String logGroupName) {

    public TaskSpec {
        Objects.requireNonNull(size, "size").requireValid();
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(executionRoleArn, "executionRoleArn");
        Objects.requireNonNull(logGroupName, "logGroupName");
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        trustedProxyCidrs = trustedProxyCidrs == null ? List.of() : List.copyOf(trustedProxyCidrs);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
