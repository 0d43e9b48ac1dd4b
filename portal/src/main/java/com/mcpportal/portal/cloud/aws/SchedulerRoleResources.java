package com.mcpportal.portal.cloud.aws;

import java.util.Map;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one role per account that EventBridge Scheduler assumes to run an environment's mirrored schedules: it may only
 * start and stop the portal's NAT instances and set the desired count of the portal's ECS services, each found by the
 * tags the portal puts on them. Like the task roles it is created inside a permissions boundary an administrator
 * creates once ({@code deploy/iam/scheduler-role-boundary.json} as {@link #BOUNDARY_POLICY}), so the portal's own
 * IAM permissions can never make it more than that.
 */
final class SchedulerRoleResources {

    static final String ROLE = "mcp-portal-scheduler";
    static final String BOUNDARY_POLICY = "mcp-portal/mcp-portal-scheduler-boundary";
    static final String POLICY_NAME = "mcp-portal-power";

    /** What the role may do: the same statements as its boundary. */
    static String powerPolicy(String partition) {
        return """
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"StartAndStopOnlyNatInstances","Effect":"Allow",\
                "Action":["ec2:StartInstances","ec2:StopInstances"],"Resource":"arn:%1$s:ec2:*:*:instance/*",\
                "Condition":{"StringEquals":{"aws:ResourceTag/%2$s":"%3$s","aws:ResourceTag/%4$s":"%5$s"}}},\
                {"Sid":"ScaleOnlyEnvironmentServices","Effect":"Allow","Action":"ecs:UpdateService",\
                "Resource":"arn:%1$s:ecs:*:*:service/mcp-*/mcp-*",\
                "Condition":{"StringEquals":{"aws:ResourceTag/%2$s":"%3$s"}}}]}"""
                .formatted(partition, EnvironmentRef.TAG_MANAGED_BY, EnvironmentRef.MANAGED_BY,
                        EnvironmentRef.TAG_COMPONENT, NatResources.NAT);
    }

    /** The role's ARN; created (with its policy) if missing, its policy written again if it is. */
    String ensure(IamClient iam, StsClient sts, CloudTarget target) {
        String partition = AccountRoleResources.partition(target.region());
        String account = AwsAnswers.required(sts.getCallerIdentity().account(), "sts", "the account id");
        String boundary = "arn:" + partition + ":iam::" + account + ":policy/" + BOUNDARY_POLICY;
        String arn;
        try {
            Role role = iam.getRole(r -> r.roleName(ROLE)).role();
            arn = AwsAnswers.required(role == null ? null : role.arn(), "iam", "the ARN of the role " + ROLE);
        } catch (NoSuchEntityException missing) {
            arn = create(iam, account, boundary);
        }
        iam.putRolePolicy(r -> r.roleName(ROLE).policyName(POLICY_NAME).policyDocument(powerPolicy(partition)));
        return arn;
    }

    private static String create(IamClient iam, String account, String boundary) {
        // Only EventBridge Scheduler acting for this account may assume it (the confused-deputy guard AWS advises).
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Principal":{"Service":"scheduler.amazonaws.com"},"Action":"sts:AssumeRole",\
                "Condition":{"StringEquals":{"aws:SourceAccount":"%s"}}}]}""".formatted(account);
        try {
            Role role = iam.createRole(r -> r.roleName(ROLE).path(AccountRoleResources.PATH)
                    .description("Runs the schedules mcp-portal keeps in EventBridge Scheduler")
                    .assumeRolePolicyDocument(trust).permissionsBoundary(boundary)
                    .tags(AwsTags.iam(Map.of(EnvironmentRef.TAG_MANAGED_BY, EnvironmentRef.MANAGED_BY)))).role();
            return AwsAnswers.required(role == null ? null : role.arn(), "iam", "the ARN of the role " + ROLE);
        } catch (NoSuchEntityException noBoundary) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "iam", "NoSuchEntity", "The permissions "
                    + "boundary " + boundary + " does not exist: create it from deploy/iam/scheduler-role-boundary.json"
                    + " (deploy/README.md). AWS said: " + noBoundary.awsErrorDetails().errorMessage(), noBoundary);
        }
    }
}
