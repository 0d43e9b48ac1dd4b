package com.mcpportal.portal.cloud.aws;

import java.util.Optional;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.LogGroup;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The environment's CloudWatch log group and its retention. */
final class LogResources {

    static final String LOG_GROUP = "log-group";

    static String name(EnvironmentRef env) {
        return "/mcp-portal/" + env.resourceName();
    }

    LogGroup ensure(CloudWatchLogsClient logs, EnvironmentRef env, int retentionDays) {
        LogGroup.validateRetention(retentionDays).ifPresent(message -> {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "logs", null, message, null);
        });
        String name = name(env);
        Optional<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> existing = find(logs, name);
        if (existing.isEmpty()) {
            logs.createLogGroup(r -> r.logGroupName(name).tags(env.tags(LOG_GROUP)));
        }
        Integer current = existing.map(g -> g.retentionInDays()).orElse(null);
        if (current == null || current != retentionDays) {
            logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(retentionDays));
        }
        return new LogGroup(name, retentionDays);
    }

    void delete(CloudWatchLogsClient logs, EnvironmentRef env) {
        AwsErrors.ignoringNotFound(() -> logs.deleteLogGroup(r -> r.logGroupName(name(env))));
    }

    private static Optional<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> find(
            CloudWatchLogsClient logs, String name) {
        return logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> name.equals(g.logGroupName())).findFirst();
    }
}
