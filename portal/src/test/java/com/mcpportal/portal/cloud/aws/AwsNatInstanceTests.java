package com.mcpportal.portal.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

class AwsNatInstanceTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }
    private final Network network = EmptyAccount.network();

    @Test
    void launchesTheSmallestArmNatInPublicSubnetAndRoutesThePrivateSubnetThroughIt() {
        NatInstance nat = cloud().ensureNatInstance(env, network, NatSpec.defaults());

        assertThat(fake.onlyCall("ssm:GetParameter").json().get("Name").asString())
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64");
        Map<String, String> run = fake.onlyCall("ec2:RunInstances").form();
        assertThat(run).containsEntry("InstanceType", "t4g.nano").containsEntry("ImageId", EmptyAccount.AMI)
                .containsEntry("MinCount", "1").containsEntry("MaxCount", "1")
                .containsEntry("NetworkInterface.1.SubnetId", EmptyAccount.PUBLIC_SUBNET)
                .containsEntry("NetworkInterface.1.AssociatePublicIpAddress", "true")
                .containsEntry("NetworkInterface.1.SecurityGroupId.1", EmptyAccount.NAT_GROUP)
                .containsEntry("BlockDeviceMapping.1.DeviceName", "/dev/xvda")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "2")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeType", "gp3")
                .containsEntry("MetadataOptions.HttpTokens", "required")
                .doesNotContainKey("InstanceMarketOptions.MarketType");
        assertThat(fake.onlyCall("ec2:RunInstances").ec2Tags()).containsEntry("mcp-portal:environment-id", "env1")
                .containsEntry("mcp-portal:component", "nat");
        String userData = new String(Base64.getDecoder().decode(run.get("UserData")), StandardCharsets.UTF_8);
        assertThat(userData).startsWith("#!/bin/bash")
                .contains("net.ipv4.ip_forward = 1", "/etc/sysctl.d/", "masquerade", "MASQUERADE", "10.0.0.0/16",
                        "systemctl enable --now mcp-portal-nat.service");

        assertThat(fake.onlyCall("ec2:ModifyInstanceAttribute").form())
                .containsEntry("InstanceId", EmptyAccount.NAT_INSTANCE).containsEntry("SourceDestCheck.Value", "false");
        assertThat(fake.calls("ec2:CreateRoute")).singleElement().satisfies(route -> assertThat(route.form())
                .containsEntry("RouteTableId", EmptyAccount.PRIVATE_ROUTES)
                .containsEntry("DestinationCidrBlock", "0.0.0.0/0")
                .containsEntry("NetworkInterfaceId", EmptyAccount.NAT_ENI));
        assertThat(fake.onlyCall("ec2:AuthorizeSecurityGroupIngress").form())
                .containsEntry("GroupId", EmptyAccount.NAT_GROUP).containsEntry("IpPermissions.1.IpProtocol", "-1")
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16");
        assertThat(nat.state()).isEqualTo(NatState.PENDING);
    }

    @Test
    void picksTheX86ImageForAnX86TypeAndAsksForAStoppableSpotInstance() {
        fake.answer(ec2("DescribeInstanceTypes"), ec2Ok("DescribeInstanceTypes", set("instanceTypeSet",
                "<item><instanceType>t3.nano</instanceType><processorInfo><supportedArchitectures>"
                        + "<item>x86_64</item></supportedArchitectures></processorInfo></item>")));

        cloud().ensureNatInstance(env, network, new NatSpec("t3.nano", true, 8));

        assertThat(fake.onlyCall("ssm:GetParameter").json().get("Name").asString()).endsWith("-x86_64");
        assertThat(fake.onlyCall("ec2:RunInstances").form()).containsEntry("InstanceType", "t3.nano")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "8")
                .containsEntry("InstanceMarketOptions.MarketType", "spot")
                .containsEntry("InstanceMarketOptions.SpotOptions.SpotInstanceType", "persistent")
                .containsEntry("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior", "stop");
    }

    @Test
    void reusesTheTaggedInstanceAndItsRouteWithoutLaunchingAnother() {
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances",
                Ec2Xml.reservations(Ec2Xml.instance("i-0old", "running", false, "eni-0old"))));
        fake.answer(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(EmptyAccount.PRIVATE_ROUTES)),
                ec2Ok("DescribeRouteTables", set("routeTableSet", Ec2Xml.routeTable(EmptyAccount.PRIVATE_ROUTES,
                        EmptyAccount.VPC, Ec2Xml.route("0.0.0.0/0", "eni-0old"), ""))));
        fake.answer(ec2("DescribeSecurityGroups"), ec2Ok("DescribeSecurityGroups", set("securityGroupInfo",
                Ec2Xml.securityGroup("sg-0old", EmptyAccount.VPC, "-1", null, "10.0.0.0/16"))));

        NatInstance nat = cloud().ensureNatInstance(env, network, NatSpec.defaults());

        assertThat(nat.instanceId()).isEqualTo("i-0old");
        assertThat(nat.state()).isEqualTo(NatState.RUNNING);
        assertThat(fake.actions()).doesNotContain("ec2:RunInstances", "ec2:ModifyInstanceAttribute",
                "ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress");
        assertThat(fake.calls("ec2:DescribeInstances").get(0).form())
                .containsEntry("Filter.3.Name", "instance-state-name");
    }

    @Test
    void aNatLaunchedAgainInTheSameVpcGetsAClientTokenOfItsOwn() {
        // The first NAT was terminated (replaced, or cleaned up by hand): the lookup by tag finds no live one.
        // EC2 honours a client token for at least 24 hours, even for a terminated instance: a token used before
        // would answer with the dead instance instead of launching one.
        cloud().ensureNatInstance(env, network, NatSpec.defaults());
        cloud().ensureNatInstance(env, network, NatSpec.defaults());

        assertThat(fake.calls("ec2:RunInstances")).extracting(call -> call.param("ClientToken"))
                .hasSize(2).doesNotHaveDuplicates().allSatisfy(token -> assertThat(token).isNotBlank().hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void aStepRetryAfterALaunchReusesItsTokenSoEc2AnswersWithTheSameInstance() {
        // The launch went through but its answer was lost (here: EC2 answered 500 past the SDK's retries), and
        // the lookup by tag does not see the new instance yet (EC2 is eventually consistent): the step's retry
        // launches again, with the same token, so EC2 returns the first instance instead of starting a second.
        fake.answer(ec2("RunInstances"), AwsFake.ec2Error(500, "InternalError", "An internal error has occurred"),
                AwsFake.ec2Error(500, "InternalError", "An internal error has occurred"),
                AwsFake.ec2Error(500, "InternalError", "An internal error has occurred"),
                ec2Ok("RunInstances", "<reservationId>r-0nat</reservationId>" + set("instancesSet",
                        Ec2Xml.instance(EmptyAccount.NAT_INSTANCE, "pending", true, EmptyAccount.NAT_ENI))));

        NatInstance nat = cloud().ensureNatInstance(env, network, NatSpec.defaults());

        assertThat(nat.instanceId()).isEqualTo(EmptyAccount.NAT_INSTANCE);
        assertThat(fake.calls("ec2:RunInstances")).hasSizeGreaterThan(3)
                .extracting(call -> call.param("ClientToken")).containsOnly(
                        fake.calls("ec2:RunInstances").get(0).param("ClientToken"));
    }

    @Test
    void repointsAPrivateRouteLeftOnAReplacedInstance() {
        fake.answer(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(EmptyAccount.PRIVATE_ROUTES)),
                ec2Ok("DescribeRouteTables", set("routeTableSet", Ec2Xml.routeTable(EmptyAccount.PRIVATE_ROUTES,
                        EmptyAccount.VPC, Ec2Xml.route("0.0.0.0/0", "eni-0gone"), ""))));

        cloud().ensureNatInstance(env, network, NatSpec.defaults());

        assertThat(fake.onlyCall("ec2:ReplaceRoute").form()).containsEntry("NetworkInterfaceId", EmptyAccount.NAT_ENI);
        assertThat(fake.actions()).doesNotContain("ec2:CreateRoute");
    }

    @Test
    void startsAStoppedNatAndWaitsUntilItRuns() {
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-1"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "pending", false, "eni-1"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "running", false, "eni-1"))));
        fake.answer(ec2("StartInstances"), ec2Ok("StartInstances", Ec2Xml.stateChange("i-0nat", "pending", "stopped")));

        assertThat(cloud().startNat(env)).isEqualTo(NatState.RUNNING);

        assertThat(fake.onlyCall("ec2:StartInstances").param("InstanceId.1")).isEqualTo("i-0nat");
        assertThat(fake.calls("ec2:DescribeInstances")).hasSize(3);
    }

    @Test
    void stoppingAStoppedNatSendsNoStop() {
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-1"))));

        assertThat(cloud().stopNat(env)).isEqualTo(NatState.STOPPED);
        assertThat(fake.actions()).doesNotContain("ec2:StopInstances");
    }

    @Test
    void stopsARunningNatAndWaitsUntilItIsStopped() {
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "running", false, "eni-1"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopping", false, "eni-1"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-1"))));
        fake.answer(ec2("StopInstances"), ec2Ok("StopInstances", Ec2Xml.stateChange("i-0nat", "stopping", "running")));

        assertThat(cloud().stopNat(env)).isEqualTo(NatState.STOPPED);
        assertThat(fake.onlyCall("ec2:StopInstances").param("InstanceId.1")).isEqualTo("i-0nat");
    }

    @Test
    void aNatThatNeverStartsFailsTheStepWithATimeoutSayingWhereItStuck() {
        fake.answer(ec2("DescribeInstances"),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "stopped", false, "eni-1"))),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.instance("i-0nat", "pending", false, "eni-1"))));
        fake.answer(ec2("StartInstances"), ec2Ok("StartInstances", Ec2Xml.stateChange("i-0nat", "pending", "stopped")));

        assertThatThrownBy(() -> cloud().startNat(env)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.TIMEOUT);
            assertThat(e.step()).isEqualTo("start-nat");
            assertThat(e.getMessage()).contains("NAT instance i-0nat running", "PENDING");
        });
    }

    @Test
    void startingAnEnvironmentWithoutNatSaysToProvisionFirst() {
        assertThatThrownBy(() -> cloud().startNat(env)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("no NAT instance", "provision");
        });
    }
}
