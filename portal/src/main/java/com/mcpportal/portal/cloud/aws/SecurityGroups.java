package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import com.mcpportal.portal.cloud.EnvironmentRef;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The security groups: in an environment's own network both admit traffic from inside the VPC only; in a shared
 * network the NAT's admits the VPC and each environment's admits only itself (its VPC link and its tasks).
 */
final class SecurityGroups {

    static final String SERVICE = "service-security-group";
    static final String NAT = "nat-security-group";

    private final Waiter waiter;

    SecurityGroups(Waiter waiter) {
        this.waiter = waiter;
    }

    /** The MCP server's tasks (and the VPC link in front of them): the container port from the VPC. */
    String ensureService(Ec2Client ec2, EnvironmentRef env, String vpcId, String vpcCidr, int port) {
        return ensure(ec2, AwsTags.Owner.of(env), vpcId, SERVICE, "MCP server tasks: port " + port
                + " from the VPC only", groupId -> IpPermission.builder().ipProtocol("tcp").fromPort(port)
                .toPort(port).ipRanges(fromVpc(vpcCidr)).build());
    }

    /**
     * In a shared network: the container port only from members of this same group, i.e. the environment's own VPC
     * link and tasks. No range is admitted, so another environment's VPC link or tasks in the same VPC cannot reach it.
     */
    String ensureServiceAmongItself(Ec2Client ec2, EnvironmentRef env, String vpcId, int port) {
        return ensure(ec2, AwsTags.Owner.of(env), vpcId, SERVICE, "MCP server tasks: port " + port
                + " from this environment's own VPC link only", groupId -> IpPermission.builder().ipProtocol("tcp")
                .fromPort(port).toPort(port).userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId)
                        .description("this environment's VPC link and tasks").build()).build());
    }

    /** The NAT instance: any traffic from the VPC (it forwards whatever the tasks send out). */
    String ensureNat(Ec2Client ec2, EnvironmentRef env, String vpcId, String vpcCidr) {
        return ensureNat(ec2, AwsTags.Owner.of(env), vpcId, vpcCidr);
    }

    String ensureNat(Ec2Client ec2, AwsTags.Owner owner, String vpcId, String vpcCidr) {
        return ensure(ec2, owner, vpcId, NAT, "NAT instance: all traffic from the VPC only",
                groupId -> IpPermission.builder().ipProtocol("-1").ipRanges(fromVpc(vpcCidr)).build());
    }

    void deleteNat(Ec2Client ec2, EnvironmentRef env) {
        delete(ec2, AwsTags.ec2Filters(env, NAT));
    }

    void deleteAll(Ec2Client ec2, EnvironmentRef env) {
        delete(ec2, AwsTags.ec2Filters(env, null));
    }

    void delete(Ec2Client ec2, List<Filter> filters) {
        delete(ec2, filters, vpcId -> true);
    }

    /** The groups the filters find in the VPCs {@code inVpc} accepts. */
    void delete(Ec2Client ec2, List<Filter> filters, Predicate<String> inVpc) {
        for (SecurityGroup group : NetworkResources.inVpc(ec2.describeSecurityGroups(r -> r.filters(filters))
                .securityGroups(), SecurityGroup::vpcId, inVpc)) {
            AwsErrors.ignoringNotFound(() -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())));
        }
    }

    private String ensure(Ec2Client ec2, AwsTags.Owner owner, String vpcId, String component, String description,
            Function<String, IpPermission> ruleOf) {
        // In this VPC only: an environment moving between networks has a group in each for a while.
        SecurityGroup existing = NetworkResources.first(NetworkResources.inVpc(ec2.describeSecurityGroups(
                r -> r.filters(owner.filters(component))).securityGroups(), SecurityGroup::vpcId, vpcId),
                SecurityGroup::groupId).orElse(null);
        String groupId = AwsAnswers.required(existing != null ? existing.groupId()
                : waiter.whileNotFound(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId)
                        .groupName(owner.resourceName() + "-" + component).description(description)
                        .tagSpecifications(owner.ec2(ResourceType.SECURITY_GROUP, component)))).groupId(),
                "ec2", "the security group's id");
        IpPermission rule = ruleOf.apply(groupId);
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

    private static boolean hasRule(SecurityGroup group, IpPermission wanted) {
        return group.ipPermissions().stream().anyMatch(p -> Objects.equals(p.ipProtocol(), wanted.ipProtocol())
                && Objects.equals(p.fromPort(), wanted.fromPort()) && Objects.equals(p.toPort(), wanted.toPort())
                && (wanted.ipRanges().isEmpty() || p.ipRanges().stream().anyMatch(range -> Objects.equals(
                        range.cidrIp(), wanted.ipRanges().get(0).cidrIp())))
                && (wanted.userIdGroupPairs().isEmpty() || p.userIdGroupPairs().stream().anyMatch(pair ->
                        Objects.equals(pair.groupId(), wanted.userIdGroupPairs().get(0).groupId()))));
    }

    private static IpRange fromVpc(String vpcCidr) {
        return IpRange.builder().cidrIp(vpcCidr).description("inside the VPC").build();
    }
}
