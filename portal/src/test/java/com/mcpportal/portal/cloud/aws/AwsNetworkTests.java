package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

class AwsNetworkTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void laysOutTheVpcWithDnsTwoSubnetsInOneZoneAndAPublicDefaultRoute() {
        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThat(fake.onlyCall("ec2:CreateVpc").param("CidrBlock")).isEqualTo("10.0.0.0/16");
        assertThat(fake.calls("ec2:ModifyVpcAttribute")).extracting(AwsCall::form)
                .anySatisfy(form -> assertThat(form).containsEntry("EnableDnsSupport.Value", "true"))
                .anySatisfy(form -> assertThat(form).containsEntry("EnableDnsHostnames.Value", "true"));
        assertThat(fake.calls("ec2:CreateSubnet")).extracting(AwsCall::form)
                .allSatisfy(form -> assertThat(form).containsEntry("AvailabilityZone", "us-east-1a")
                        .containsEntry("VpcId", EmptyAccount.VPC))
                .extracting(form -> form.get("CidrBlock")).containsExactly("10.0.0.0/24", "10.0.1.0/24");
        assertThat(fake.onlyCall("ec2:AttachInternetGateway").form())
                .containsEntry("InternetGatewayId", EmptyAccount.GATEWAY).containsEntry("VpcId", EmptyAccount.VPC);
        assertThat(fake.onlyCall("ec2:CreateRoute").form()).containsEntry("RouteTableId", EmptyAccount.PUBLIC_ROUTES)
                .containsEntry("DestinationCidrBlock", "0.0.0.0/0").containsEntry("GatewayId", EmptyAccount.GATEWAY);
        assertThat(fake.calls("ec2:AssociateRouteTable")).extracting(c -> c.param("RouteTableId") + "->"
                + c.param("SubnetId")).containsExactly(EmptyAccount.PUBLIC_ROUTES + "->" + EmptyAccount.PUBLIC_SUBNET,
                EmptyAccount.PRIVATE_ROUTES + "->" + EmptyAccount.PRIVATE_SUBNET);
        assertThat(fake.onlyCall("ec2:AuthorizeSecurityGroupIngress").form())
                .containsEntry("GroupId", EmptyAccount.SERVICE_GROUP)
                .containsEntry("IpPermissions.1.IpProtocol", "tcp").containsEntry("IpPermissions.1.FromPort", "8080")
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16");
        assertThat(network.serviceSecurityGroupId()).isEqualTo(EmptyAccount.SERVICE_GROUP);
        assertThat(network.privateRouteTableId()).isEqualTo(EmptyAccount.PRIVATE_ROUTES);
    }

    @Test
    void tagsEverythingItCreatesWithTheEnvironmentTeamAndName() {
        cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThat(fake.calls().stream().filter(c -> c.action().startsWith("Create")
                && !c.action().equals("CreateRoute")).toList())
                .hasSize(7)
                .allSatisfy(create -> assertThat(create.ec2Tags())
                        .containsEntry("mcp-portal:environment-id", "env1")
                        .containsEntry("mcp-portal:team", "Team A")
                        .containsEntry("mcp-portal:managed-by", "mcp-portal")
                        .containsKey("Name"));
        assertThat(fake.onlyCall("ec2:CreateVpc").ec2Tags()).containsEntry("Name", "Team A/prod vpc")
                .containsEntry("mcp-portal:component", "vpc");
    }

    @Test
    void findsEveryPieceByItsTagsAndCreatesNothingTheSecondTime() {
        fake.answer(ec2("DescribeVpcs"), ec2Ok("DescribeVpcs", set("vpcSet", Ec2Xml.vpc("vpc-0old", "10.0.0.0/16"))));
        fake.answer(ec2("DescribeSubnets"), ec2Ok("DescribeSubnets", set("subnetSet",
                Ec2Xml.subnet("subnet-0priv", "vpc-0old", "10.0.1.0/24", "us-east-1c", "private-subnet"),
                Ec2Xml.subnet("subnet-0pub", "vpc-0old", "10.0.0.0/24", "us-east-1c", "public-subnet"))));
        fake.answer(ec2("DescribeInternetGateways"), ec2Ok("DescribeInternetGateways",
                set("internetGatewaySet", Ec2Xml.internetGateway("igw-0old", "vpc-0old"))));
        fake.answer(ec2("DescribeRouteTables"), ec2Ok("DescribeRouteTables", set("routeTableSet",
                Ec2Xml.routeTable("rtb-0pub", "vpc-0old", Ec2Xml.route("0.0.0.0/0", "igw-0old"),
                        Ec2Xml.association("rtbassoc-1", "rtb-0pub", "subnet-0pub"), "public-route-table"),
                Ec2Xml.routeTable("rtb-0priv", "vpc-0old", "", Ec2Xml.association("rtbassoc-2", "rtb-0priv",
                        "subnet-0priv"), "private-route-table"))));
        fake.answer(ec2("DescribeSecurityGroups"), ec2Ok("DescribeSecurityGroups", set("securityGroupInfo",
                Ec2Xml.securityGroup("sg-0old", "vpc-0old", "tcp", 8080, "10.0.0.0/16"))));

        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThat(network).isEqualTo(new Network("vpc-0old", "10.0.0.0/16", "us-east-1c", "subnet-0pub",
                "subnet-0priv", "igw-0old", "rtb-0pub", "rtb-0priv", "sg-0old", 8080));
        assertThat(fake.actions()).noneMatch(a -> a.contains(":Create") || a.contains(":Attach")
                || a.contains(":Associate") || a.contains(":Authorize"));
        assertThat(fake.calls("ec2:DescribeVpcs").get(0).form())
                .containsEntry("Filter.1.Name", "tag:mcp-portal:environment-id").containsEntry("Filter.1.Value.1", "env1")
                .containsEntry("Filter.2.Name", "tag:mcp-portal:component").containsEntry("Filter.2.Value.1", "vpc");
        // Both subnets in one lookup, both route tables in another, told apart by their component tags.
        assertThat(fake.onlyCall("ec2:DescribeSubnets").form()).containsEntry("Filter.1.Value.1", "env1")
                .doesNotContainKey("Filter.2.Name");
        assertThat(fake.onlyCall("ec2:DescribeRouteTables").form()).containsEntry("Filter.1.Value.1", "env1")
                .doesNotContainKey("Filter.2.Name");
    }

    @Test
    void usesTheRequestedAvailabilityZone() {
        cloud().ensureNetwork(env, new NetworkSpec("10.1.0.0/16", "10.1.0.0/24", "10.1.1.0/24", "us-east-1f", 8080));

        assertThat(fake.calls("ec2:CreateSubnet")).extracting(c -> c.param("AvailabilityZone"))
                .containsOnly("us-east-1f");
        assertThat(fake.actions()).doesNotContain("ec2:DescribeAvailabilityZones");
    }
}
