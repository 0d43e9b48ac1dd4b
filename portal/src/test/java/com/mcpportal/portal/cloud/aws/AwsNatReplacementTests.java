package com.mcpportal.portal.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.LAST_MONTH;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEW;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEWER_AMI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NEW_ENI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.NOW;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.OLD;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.OLD_ENI;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.fresh;
import static com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount.old;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.aws.fake.NatReplacementAccount;

/**
 * Replacing the NAT instance from a newer AMI, request by request against the AWS fake: what is launched (the old
 * NAT's settings, only the image changed), the order that keeps the private route on a live interface (status checks,
 * source/dest check, route, then terminate), the resume after a crash at each point, and nothing when the NAT is on
 * the latest AMI already.
 */
class AwsNatReplacementTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;
    private final Network network = EmptyAccount.network();

    private CloudProvider cloud() {
        return fake.provider();
    }

    private NatReplacementAccount account() {
        return NatReplacementAccount.on(fake);
    }

    @Test
    void aStoppedNatIsReplacedFromTheNewerAmiWithItsOwnSettingsAndEndsStopped() {
        account().nats(old("stopped"));
        account().published(NEWER_AMI);
        account().routeLeadsTo(OLD_ENI);
        account().launches();
        account().newNatReports(true, "running", "running", "stopped");

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(nat.instanceId()).isEqualTo(NEW);
        assertThat(nat.imageId()).isEqualTo(NEWER_AMI);
        assertThat(nat.networkInterfaceId()).isEqualTo(NEW_ENI);
        assertThat(nat.state()).isEqualTo(NatState.STOPPED);
        assertThat(mutations()).containsExactly("ec2:RunInstances", "ec2:ModifyInstanceAttribute",
                "ec2:ReplaceRoute", "ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(fake.actions().indexOf("ec2:DescribeInstanceStatus")).as("status checks before the route moves")
                .isLessThan(fake.actions().indexOf("ec2:ReplaceRoute"));
        Map<String, String> run = fake.onlyCall("ec2:RunInstances").form();
        assertThat(run).containsEntry("ImageId", NEWER_AMI).containsEntry("InstanceType", "t4g.nano")
                .containsEntry("NetworkInterface.1.SubnetId", EmptyAccount.PUBLIC_SUBNET)
                .containsEntry("NetworkInterface.1.SecurityGroupId.1", EmptyAccount.NAT_GROUP)
                .containsEntry("NetworkInterface.1.AssociatePublicIpAddress", "true")
                .containsEntry("MetadataOptions.HttpTokens", "required")
                .containsEntry("UserData", NatUserData.encoded("10.0.0.0/16"))
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "8")
                .containsEntry("BlockDeviceMapping.1.Ebs.Encrypted", "true")
                .doesNotContainKey("InstanceMarketOptions.MarketType");
        assertThat(run.get("ClientToken")).isNotBlank();
        assertThat(fake.onlyCall("ec2:RunInstances").ec2Tags()).containsEntry("mcp-portal:environment-id", "env1")
                .containsEntry("mcp-portal:component", "nat");
        assertThat(fake.onlyCall("ec2:ModifyInstanceAttribute").form()).containsEntry("InstanceId", NEW)
                .containsEntry("SourceDestCheck.Value", "false");
        assertThat(fake.onlyCall("ec2:ReplaceRoute").form())
                .containsEntry("RouteTableId", EmptyAccount.PRIVATE_ROUTES)
                .containsEntry("DestinationCidrBlock", "0.0.0.0/0").containsEntry("NetworkInterfaceId", NEW_ENI);
        assertThat(fake.onlyCall("ec2:TerminateInstances").form()).containsEntry("InstanceId.1", OLD)
                .doesNotContainKey("InstanceId.2");
        assertThat(fake.onlyCall("ec2:StopInstances").param("InstanceId.1")).isEqualTo(NEW);
    }

    @Test
    void aSpotX86NatIsReplacedBySpotOfTheSameTypeItsRequestCancelledAndLeftRunning() {
        account().nats(Ec2Xml.natInstance(OLD, "running", EmptyAccount.AMI, OLD_ENI, "t3.nano", "x86_64", true, false,
                LAST_MONTH));
        account().published(NEWER_AMI);
        account().routeLeadsTo(OLD_ENI);
        account().launches();
        account().newNatReports(true, "running");
        fake.answer(ec2("CancelSpotInstanceRequests"), ec2Ok("CancelSpotInstanceRequests", set(
                "spotInstanceRequestSet", "<item><spotInstanceRequestId>sir-" + OLD + "</spotInstanceRequestId>"
                        + "<state>cancelled</state></item>")));

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.RUNNING);

        assertThat(nat.state()).isEqualTo(NatState.RUNNING);
        assertThat(fake.onlyCall("ssm:GetParameter").json().get("Name").asString()).endsWith("-x86_64");
        assertThat(fake.onlyCall("ec2:RunInstances").form()).containsEntry("InstanceType", "t3.nano")
                .containsEntry("InstanceMarketOptions.MarketType", "spot")
                .containsEntry("InstanceMarketOptions.SpotOptions.SpotInstanceType", "persistent")
                .containsEntry("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior", "stop");
        assertThat(mutations()).containsExactly("ec2:RunInstances", "ec2:ModifyInstanceAttribute",
                "ec2:ReplaceRoute", "ec2:CancelSpotInstanceRequests", "ec2:TerminateInstances");
        assertThat(fake.onlyCall("ec2:CancelSpotInstanceRequests").param("SpotInstanceRequestId.1"))
                .isEqualTo("sir-" + OLD);
    }

    @Test
    void resumedAfterACrashBehindTheLaunchItFindsTheNewNatByItsTagAndImageAndLaunchesNoOther() {
        account().nats(old("stopped"), fresh("running", true));
        account().published(NEWER_AMI);
        account().routeLeadsTo(OLD_ENI);
        account().newNatReports(true, "running", "running", "stopped");

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(nat.instanceId()).isEqualTo(NEW);
        assertThat(mutations()).containsExactly("ec2:ModifyInstanceAttribute", "ec2:ReplaceRoute",
                "ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(fake.onlyCall("ec2:ReplaceRoute").param("NetworkInterfaceId")).isEqualTo(NEW_ENI);
        assertThat(fake.onlyCall("ec2:TerminateInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void resumedAfterACrashBehindTheRouteSwitchItOnlyTerminatesTheOldNatAndStopsTheNewOne() {
        account().nats(old("stopped"), fresh("running", false));
        account().published(NEWER_AMI);
        account().routeLeadsTo(NEW_ENI);
        account().newNatReports(false, "running", "running", "stopped");

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(nat.instanceId()).isEqualTo(NEW);
        assertThat(mutations()).containsExactly("ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(fake.onlyCall("ec2:TerminateInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void aNatOnTheLatestAmiIsLeftAsItIs() {
        account().nats(old("stopped"));
        account().routeLeadsTo(OLD_ENI);

        NatImageStatus status = cloud().natImageStatus(env).orElseThrow();
        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(status.outdated()).isFalse();
        assertThat(status.needsReplacement()).isFalse();
        assertThat(nat.instanceId()).isEqualTo(OLD);
        assertThat(mutations()).isEmpty();
    }

    @Test
    void theStatusNamesBothAmisWithTheirDatesAndSaysTheNatIsOutdated() {
        account().nats(old("running"));
        account().published(NEWER_AMI);
        fake.answer(ec2("DescribeImages").withFormParam("Filter.1.Name", equalTo("image-id")),
                ec2Ok("DescribeImages", set("imagesSet",
                        image(EmptyAccount.AMI, "al2023-ami-minimal-2023.9.20260101.0-kernel-6.1-arm64", LAST_MONTH),
                        image(NEWER_AMI, "al2023-ami-minimal-2023.9.20260201.0-kernel-6.1-arm64", NOW))));

        NatImageStatus status = cloud().natImageStatus(env).orElseThrow();

        assertThat(status.outdated()).isTrue();
        assertThat(status.nat().instanceId()).isEqualTo(OLD);
        assertThat(status.current().imageId()).isEqualTo(EmptyAccount.AMI);
        assertThat(status.current().createdAt()).isEqualTo(Instant.parse(LAST_MONTH));
        assertThat(status.latest().name()).isEqualTo("al2023-ami-minimal-2023.9.20260201.0-kernel-6.1-arm64");
        assertThat(status.latest().createdAt()).isEqualTo(Instant.parse(NOW));
        assertThat(status.instances()).isEqualTo(1);
        assertThat(fake.onlyCall("ec2:DescribeImages").form()).containsEntry("IncludeDeprecated", "true")
                .containsEntry("Filter.1.Value.1", EmptyAccount.AMI).containsEntry("Filter.1.Value.2", NEWER_AMI);
        assertThat(fake.onlyCall("ssm:GetParameter").json().get("Name").asString())
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64");
    }

    @Test
    void aLeftoverOfAnInterruptedReplacementNeedsOneThoughTheNatIsCurrent() {
        account().nats(old("stopped"), fresh("stopped", false));
        account().published(NEWER_AMI);
        account().routeLeadsTo(NEW_ENI);

        NatImageStatus status = cloud().natImageStatus(env).orElseThrow();

        assertThat(status.nat().instanceId()).as("the NAT is the one the private route leads to").isEqualTo(NEW);
        assertThat(status.outdated()).isFalse();
        assertThat(status.instances()).isEqualTo(2);
        assertThat(status.needsReplacement()).isTrue();
    }

    @Test
    void withTwoNatsAliveStartActsOnTheOneThePrivateRouteLeadsTo() {
        // An interrupted replacement before its route switch: the old NAT still carries the traffic (and its id sorts
        // after the new one's, so picking by id would start the wrong one).
        account().nats(old("stopped"), fresh("stopped", true));
        account().routeLeadsTo(OLD_ENI);
        fake.answer(ec2("DescribeInstances").withFormParam("InstanceId.1", equalTo(OLD)),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(old("running"))));
        fake.answer(ec2("StartInstances"), ec2Ok("StartInstances", Ec2Xml.stateChange(OLD, "pending", "stopped")));

        cloud().startNat(env);

        assertThat(fake.onlyCall("ec2:StartInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void anotherImageParameterIsReadWithTheArchitectureInItsName() {
        account().nats(old("stopped"));
        AwsSettings settings = fake.settings().withNatImageParameter("/golden-images/nat/{arch}/latest");
        CloudProvider golden = new AwsCloudProvider(fake.clientFactory(settings), settings, duration -> { });

        golden.natImageStatus(env);

        assertThat(fake.onlyCall("ssm:GetParameter").json().get("Name").asString())
                .isEqualTo("/golden-images/nat/arm64/latest");
    }

    @Test
    void anEnvironmentWithoutNatHasNoStatusAndCannotBeReplaced() {
        assertThat(cloud().natImageStatus(env)).isEmpty();
        assertThatThrownBy(() -> cloud().replaceNatInstance(env, network, NatState.STOPPED))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("no NAT instance", "provision");
                });
    }

    private static String image(String id, String name, String created) {
        return "<item><imageId>" + id + "</imageId><name>" + name + "</name><creationDate>" + created
                + "</creationDate><rootDeviceName>/dev/xvda</rootDeviceName></item>";
    }

    private List<String> mutations() {
        return NatReplacementAccount.mutations(fake);
    }
}
