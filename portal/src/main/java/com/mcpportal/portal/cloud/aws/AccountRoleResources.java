package com.mcpportal.portal.cloud.aws;

import java.util.Map;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The two IAM roles every environment's task uses, created once per account: the execution role
 * (pull images, write logs, read the environment's secrets at start) and the task role (read
 * key sets only, so one environment's task cannot read another's ElevenLabs key). Both carry the
 * permissions boundary {@code deploy/iam/task-role-boundary.json}, which an administrator creates once
 * as {@link #BOUNDARY_POLICY}: the portal's IAM policy lets it create or change these roles only with
 * that boundary, so its credentials can never make a role that may do more than the tasks need.
 */
final class AccountRoleResources {

    static final String PATH = "/mcp-portal/";
    static final String EXECUTION_ROLE = "mcp-portal-task-execution";
    static final String TASK_ROLE = "mcp-portal-task";
    /** Path and name of the customer managed policy that bounds both roles. */
    static final String BOUNDARY_POLICY = "mcp-portal/mcp-portal-task-boundary";
    static final String EXECUTION_POLICY = "AmazonECSTaskExecutionRolePolicy";

    static final String GIVE_ROLES = "The portal could not set up the ECS task roles of this account. Create them"
            + " yourself (an execution role with the AWS managed policy " + EXECUTION_POLICY + " and"
            + " ssm:GetParameters on /mcp-portal/*, and a task role with ssm:GetParameter on /mcp-portal/*/"
            + CloudProvider.KEY_SET_SECRET + ", both trusting ecs-tasks.amazonaws.com) and enter their ARNs on the"
            + " cloud account (Task execution role ARN, Task role ARN): provisioning then uses them and skips this"
            + " step.";

    private static final String TRUST_ECS_TASKS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /**
     * Both roles, created if missing. Where IAM refuses (the portal may not create roles, or the AWS managed policy
     * cannot be attached: an SCP, a partition or an emulator without it), no retry can help: the step fails saying
     * how to go on, by creating the roles yourself and entering their ARNs on the cloud account.
     */
    AccountRoles ensure(IamClient iam, StsClient sts, CloudTarget target) {
        try {
            return create(iam, sts, target);
        } catch (SdkException e) {
            CloudException refused = AwsErrors.translate(e, null);
            boolean denied = refused.kind() == CloudErrorKind.ACCESS_DENIED;
            if (!denied && !AwsErrors.isNotFound(e)) {
                throw e;
            }
            throw new CloudException(denied ? CloudErrorKind.ACCESS_DENIED : CloudErrorKind.FAILED, null, "iam",
                    refused.errorCode(), refused.providerMessage() + " " + GIVE_ROLES, e);
        }
    }

    private AccountRoles create(IamClient iam, StsClient sts, CloudTarget target) {
        String partition = partition(target.region());
        String account = AwsAnswers.required(sts.getCallerIdentity().account(), "sts", "the account id");
        String boundary = "arn:" + partition + ":iam::" + account + ":policy/" + BOUNDARY_POLICY;
        String executionArn = ensureRole(iam, EXECUTION_ROLE, "ECS task execution role of mcp-portal environments",
                boundary);
        iam.attachRolePolicy(r -> r.roleName(EXECUTION_ROLE)
                .policyArn("arn:" + partition + ":iam::aws:policy/service-role/" + EXECUTION_POLICY));
        iam.putRolePolicy(r -> r.roleName(EXECUTION_ROLE).policyName("mcp-portal-secrets")
                .policyDocument(allow("ssm:GetParameters", parameterArn(partition, "/mcp-portal/*"))));
        String taskArn = ensureRole(iam, TASK_ROLE, "ECS task role of mcp-portal MCP servers", boundary);
        iam.putRolePolicy(r -> r.roleName(TASK_ROLE).policyName("mcp-portal-key-set")
                .policyDocument(allow("ssm:GetParameter",
                        parameterArn(partition, "/mcp-portal/*/" + CloudProvider.KEY_SET_SECRET))));
        return new AccountRoles(executionArn, taskArn);
    }

    private static String ensureRole(IamClient iam, String name, String description, String boundary) {
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(name)).role();
        } catch (NoSuchEntityException missing) {
            return createRole(iam, name, description, boundary);
        }
        String arn = arnOf(role, name);
        String current = role.permissionsBoundary() == null ? null
                : role.permissionsBoundary().permissionsBoundaryArn();
        if (current == null) {
            // A role made before roles had a boundary: the policy lets the portal add only this one.
            iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(boundary));
        } else if (!current.equals(boundary)) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "iam", null, "Role " + arn
                    + " has the permissions boundary " + current + ", not " + boundary + ". The portal may only "
                    + "change roles bounded by " + boundary + ": create the task roles yourself and give their ARNs "
                    + "in the cloud account's settings (deploy/README.md).", null);
        }
        return arn;
    }

    private static String createRole(IamClient iam, String name, String description, String boundary) {
        try {
            return arnOf(iam.createRole(r -> r.roleName(name).path(PATH).description(description)
                    .assumeRolePolicyDocument(TRUST_ECS_TASKS).permissionsBoundary(boundary)
                    .tags(AwsTags.iam(Map.of(EnvironmentRef.TAG_MANAGED_BY, EnvironmentRef.MANAGED_BY))))
                    .role(), name);
        } catch (NoSuchEntityException noBoundary) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "iam", "NoSuchEntity", "The permissions "
                    + "boundary " + boundary + " does not exist: create it from deploy/iam/task-role-boundary.json, "
                    + "or create the task roles yourself and give their ARNs in the cloud account's settings "
                    + "(deploy/README.md). AWS said: " + noBoundary.awsErrorDetails().errorMessage(), noBoundary);
        }
    }

    private static String arnOf(Role role, String name) {
        return AwsAnswers.required(role == null ? null : role.arn(), "iam", "the ARN of the role " + name);
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    private static String parameterArn(String partition, String path) {
        return "arn:" + partition + ":ssm:*:*:parameter" + path;
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
