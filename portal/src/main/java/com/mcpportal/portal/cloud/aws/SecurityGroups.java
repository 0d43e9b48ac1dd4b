package com.mcpportal.portal.cloud.aws;

import java.util.Objects;

import com.mcpportal.portal.cloud.EnvironmentRef;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** The environment's security groups: both admit traffic from inside the VPC only. */
final class SecurityGroups {

    static final String SERVICE = "service-security-group";
    static final String NAT = "nat-security-group";

    private final Waiter waiter;

    SecurityGroups(Waiter waiter) {
        this.waiter = waiter;
    }

    /** The MCP server's tasks (and the VPC link in front of them): the container port from the VPC. */
    String ensureService(Ec2Client ec2, EnvironmentRef env, String vpcId, String vpcCidr, int port) {
        return ensure(ec2, env, vpcId, SERVICE, "MCP server tasks: port " + port + " from the VPC only",
                IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(fromVpc(vpcCidr))
                        .build());
    }

    /** The NAT instance: any traffic from the VPC (it forwards whatever the tasks send out). */
    String ensureNat(Ec2Client ec2, EnvironmentRef env, String vpcId, String vpcCidr) {
        return ensure(ec2, env, vpcId, NAT, "NAT instance: all traffic from the VPC only",
                IpPermission.builder().ipProtocol("-1").ipRanges(fromVpc(vpcCidr)).build());
    }

    void deleteNat(Ec2Client ec2, EnvironmentRef env) {
        delete(ec2, env, NAT);
    }

    void deleteAll(Ec2Client ec2, EnvironmentRef env) {
        delete(ec2, env, null);
    }

    private String ensure(Ec2Client ec2, EnvironmentRef env, String vpcId, String component, String description,
            IpPermission rule) {
        SecurityGroup existing = NetworkResources.first(ec2.describeSecurityGroups(
                r -> r.filters(AwsTags.ec2Filters(env, component))).securityGroups(), SecurityGroup::groupId)
                .orElse(null);
        String groupId = AwsAnswers.required(existing != null ? existing.groupId()
                : waiter.whileNotFound(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId)
                        .groupName(env.resourceName() + "-" + component).description(description)
                        .tagSpecifications(AwsTags.ec2(ResourceType.SECURITY_GROUP, env, component)))).groupId(),
                "ec2", "the security group's id");
        if (existing == null || !hasRule(existing, rule)) {
            try {
                waiter.whileNotFound(() -> ec2.authorizeSecurityGroupIngress(
                        r -> r.groupId(groupId).ipPermissions(rule)));
            } catch (AwsServiceException e) {
                // A crash between create and describe can leave the rule in place already.
                if (!"InvalidPermission.Duplicate".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
            }
        }
        return groupId;
    }

    private void delete(Ec2Client ec2, EnvironmentRef env, String component) {
        for (SecurityGroup group : ec2.describeSecurityGroups(r -> r.filters(AwsTags.ec2Filters(env, component)))
                .securityGroups()) {
            AwsErrors.ignoringNotFound(() -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())));
        }
    }

    private static boolean hasRule(SecurityGroup group, IpPermission wanted) {
        return group.ipPermissions().stream().anyMatch(p -> Objects.equals(p.ipProtocol(), wanted.ipProtocol())
                && Objects.equals(p.fromPort(), wanted.fromPort()) && Objects.equals(p.toPort(), wanted.toPort())
                && p.ipRanges().stream().anyMatch(range -> Objects.equals(range.cidrIp(),
                        wanted.ipRanges().get(0).cidrIp())));
    }

    private static IpRange fromVpc(String vpcCidr) {
        return IpRange.builder().cidrIp(vpcCidr).description("inside the VPC").build();
    }
}
