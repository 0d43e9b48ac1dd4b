package com.mcpportal.portal.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/**
 * Replacing the NAT instance from a newer AMI, request by request against the AWS fake: what is launched (the old
 * NAT's settings, only the image changed), the order that keeps the private route on a live interface (status checks,
 * source/dest check, route, then terminate), the resume after a crash at each point, and nothing when the NAT is on
 * the latest AMI already.
 */
class AwsNatReplacementTests {

    private static final String OLD = "i-0old";
    private static final String OLD_ENI = "eni-0old";
    private static final String NEW = "i-0new";
    private static final String NEW_ENI = "eni-0new";
    private static final String NEWER_AMI = "ami-0newer";
    private static final String LAST_MONTH = "2026-01-02T03:04:05.000Z";
    private static final String NOW = "2026-02-02T03:04:05.000Z";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;
    private final Network network = EmptyAccount.network();

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void aStoppedNatIsReplacedFromTheNewerAmiWithItsOwnSettingsAndEndsStopped() {
        givenTheNats(old("stopped"));
        givenAmazonPublished(NEWER_AMI);
        givenTheRouteLeadsTo(OLD_ENI);
        givenTheLaunchAnswers(NEW, NEW_ENI);
        givenTheNewNatReports(true, "running", "running", "stopped");

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
        givenTheNats(Ec2Xml.natInstance(OLD, "running", EmptyAccount.AMI, OLD_ENI, "t3.nano", "x86_64", true, false,
                LAST_MONTH));
        givenAmazonPublished(NEWER_AMI);
        givenTheRouteLeadsTo(OLD_ENI);
        givenTheLaunchAnswers(NEW, NEW_ENI);
        givenTheNewNatReports(true, "running");
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
        givenTheNats(old("stopped"), fresh("running", true));
        givenAmazonPublished(NEWER_AMI);
        givenTheRouteLeadsTo(OLD_ENI);
        givenTheNewNatReports(true, "running", "running", "stopped");

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(nat.instanceId()).isEqualTo(NEW);
        assertThat(mutations()).containsExactly("ec2:ModifyInstanceAttribute", "ec2:ReplaceRoute",
                "ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(fake.onlyCall("ec2:ReplaceRoute").param("NetworkInterfaceId")).isEqualTo(NEW_ENI);
        assertThat(fake.onlyCall("ec2:TerminateInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void resumedAfterACrashBehindTheRouteSwitchItOnlyTerminatesTheOldNatAndStopsTheNewOne() {
        givenTheNats(old("stopped"), fresh("running", false));
        givenAmazonPublished(NEWER_AMI);
        givenTheRouteLeadsTo(NEW_ENI);
        givenTheNewNatReports(false, "running", "running", "stopped");

        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(nat.instanceId()).isEqualTo(NEW);
        assertThat(mutations()).containsExactly("ec2:TerminateInstances", "ec2:StopInstances");
        assertThat(fake.onlyCall("ec2:TerminateInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void aNatOnTheLatestAmiIsLeftAsItIs() {
        givenTheNats(old("stopped"));
        givenTheRouteLeadsTo(OLD_ENI);

        NatImageStatus status = cloud().natImageStatus(env).orElseThrow();
        NatInstance nat = cloud().replaceNatInstance(env, network, NatState.STOPPED);

        assertThat(status.outdated()).isFalse();
        assertThat(status.needsReplacement()).isFalse();
        assertThat(nat.instanceId()).isEqualTo(OLD);
        assertThat(mutations()).isEmpty();
    }

    @Test
    void theStatusNamesBothAmisWithTheirDatesAndSaysTheNatIsOutdated() {
        givenTheNats(old("running"));
        givenAmazonPublished(NEWER_AMI);
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
        givenTheNats(old("stopped"), fresh("stopped", false));
        givenAmazonPublished(NEWER_AMI);
        givenTheRouteLeadsTo(NEW_ENI);

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
        givenTheNats(old("stopped"), fresh("stopped", true));
        givenTheRouteLeadsTo(OLD_ENI);
        fake.answer(ec2("DescribeInstances").withFormParam("InstanceId.1", equalTo(OLD)),
                ec2Ok("DescribeInstances", Ec2Xml.reservations(old("running"))));
        fake.answer(ec2("StartInstances"), ec2Ok("StartInstances", Ec2Xml.stateChange(OLD, "pending", "stopped")));

        cloud().startNat(env);

        assertThat(fake.onlyCall("ec2:StartInstances").param("InstanceId.1")).isEqualTo(OLD);
    }

    @Test
    void anotherImageParameterIsReadWithTheArchitectureInItsName() {
        givenTheNats(old("stopped"));
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

    // --- the account ---------------------------------------------------------------------------------------------

    private static String old(String state) {
        return Ec2Xml.natInstance(OLD, state, EmptyAccount.AMI, OLD_ENI, "t4g.nano", "arm64", false, false,
                LAST_MONTH);
    }

    private static String fresh(String state, boolean sourceDestCheck) {
        return Ec2Xml.natInstance(NEW, state, NEWER_AMI, NEW_ENI, "t4g.nano", "arm64", false, sourceDestCheck, NOW);
    }

    /** The live NAT instances the lookup by tag finds. */
    private void givenTheNats(String... instances) {
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances", Ec2Xml.reservations(instances)));
        fake.answer(ec2("DescribeVolumes"), ec2Ok("DescribeVolumes", set("volumeSet",
                "<item><volumeId>vol-" + OLD + "</volumeId><size>8</size><volumeType>gp3</volumeType></item>")));
    }

    private void givenAmazonPublished(String imageId) {
        fake.answer(json("ssm", "GetParameter"), jsonOk("""
                {"Parameter":{"Name":"{{jsonPath request.body '$.Name'}}","Type":"String","Value":"%s","Version":8}}"""
                .formatted(imageId)).withTransformers("response-template"));
    }

    /** The private route table, looked up by id (the route switch) and by tag (which of two NATs is current). */
    private void givenTheRouteLeadsTo(String eni) {
        String table = set("routeTableSet", Ec2Xml.routeTable(EmptyAccount.PRIVATE_ROUTES, EmptyAccount.VPC,
                Ec2Xml.route("0.0.0.0/0", eni), "", "private-route-table"));
        fake.answer(ec2("DescribeRouteTables").withRequestBody(containing("private-route-table")),
                ec2Ok("DescribeRouteTables", table));
        fake.answer(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(EmptyAccount.PRIVATE_ROUTES)),
                ec2Ok("DescribeRouteTables", table));
    }

    private void givenTheLaunchAnswers(String instanceId, String eni) {
        fake.answer(ec2("RunInstances"), ec2Ok("RunInstances", "<reservationId>r-0new</reservationId>"
                + set("instancesSet", Ec2Xml.natInstance(instanceId, "pending", NEWER_AMI, eni, "t4g.nano", "arm64",
                        false, true, NOW))));
    }

    /**
     * The new NAT as describing it by id finds it, in the given states in turn, with its source/dest check as given
     * (the fake keeps no state: on when it was just launched, off when an earlier run turned it off); its status
     * checks passed; terminating the old one and stopping the new one are accepted.
     */
    private void givenTheNewNatReports(boolean sourceDestCheck, String... states) {
        fake.answer(ec2("DescribeInstances").withFormParam("InstanceId.1", equalTo(NEW)), List.of(states).stream()
                .map(state -> ec2Ok("DescribeInstances", Ec2Xml.reservations(Ec2Xml.natInstance(NEW, state, NEWER_AMI,
                        NEW_ENI, "t4g.nano", "arm64", false, sourceDestCheck, NOW))))
                .toArray(ResponseDefinitionBuilder[]::new));
        fake.answer(ec2("DescribeInstanceStatus"), ec2Ok("DescribeInstanceStatus", set("instanceStatusSet",
                "<item><instanceId>" + NEW + "</instanceId><instanceState><code>16</code><name>running</name>"
                        + "</instanceState><systemStatus><status>ok</status></systemStatus><instanceStatus><status>ok"
                        + "</status></instanceStatus></item>")));
        fake.answer(ec2("TerminateInstances"), ec2Ok("TerminateInstances",
                Ec2Xml.stateChange(OLD, "shutting-down", "stopped")));
        fake.answer(ec2("StopInstances"), ec2Ok("StopInstances", Ec2Xml.stateChange(NEW, "stopping", "running")));
    }

    private static String image(String id, String name, String created) {
        return "<item><imageId>" + id + "</imageId><name>" + name + "</name><creationDate>" + created
                + "</creationDate><rootDeviceName>/dev/xvda</rootDeviceName></item>";
    }

    /** The calls that change something, in order. */
    private List<String> mutations() {
        return fake.calls().stream().map(AwsCall::name).filter(name -> !name.contains(":Describe")
                && !name.contains(":Get")).toList();
    }
}
