package com.mcpportal.portal.cloud.aws.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;

import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The {@link EmptyAccount} with a NAT instance launched last month ({@link #OLD}, on {@link EmptyAccount#AMI}) and, as
 * a test says, a newer AMI published and a replacement ({@link #NEW}) launched or not: the answers a NAT replacement
 * meets. The fake keeps no state, so each answer is given as the moment in the story needs it.
 */
public final class NatReplacementAccount {

    public static final String OLD = "i-0old";
    public static final String OLD_ENI = "eni-0old";
    public static final String NEW = "i-0new";
    public static final String NEW_ENI = "eni-0new";
    public static final String NEWER_AMI = "ami-0newer";
    public static final String LAST_MONTH = "2026-01-02T03:04:05.000Z";
    public static final String NOW = "2026-02-02T03:04:05.000Z";

    private final AwsFake fake;

    private NatReplacementAccount(AwsFake fake) {
        this.fake = fake;
    }

    /** On a fake with the {@link EmptyAccount} baseline. */
    public static NatReplacementAccount on(AwsFake fake) {
        return new NatReplacementAccount(fake);
    }

    /** The NAT of last month, arm64 on-demand, in the given state. */
    public static String old(String state) {
        return Ec2Xml.natInstance(OLD, state, EmptyAccount.AMI, OLD_ENI, "t4g.nano", "arm64", false, false,
                LAST_MONTH);
    }

    /** The replacement on the newer AMI, in the given state, its source/dest check still on or already off. */
    public static String fresh(String state, boolean sourceDestCheck) {
        return Ec2Xml.natInstance(NEW, state, NEWER_AMI, NEW_ENI, "t4g.nano", "arm64", false, sourceDestCheck, NOW);
    }

    /** The live NAT instances the lookup by tag finds; the old one's root volume has 8 GiB. */
    public NatReplacementAccount nats(String... instances) {
        fake.answer(ec2("DescribeInstances"), ec2Ok("DescribeInstances", Ec2Xml.reservations(instances)));
        fake.answer(ec2("DescribeVolumes"), ec2Ok("DescribeVolumes", set("volumeSet",
                "<item><volumeId>vol-" + OLD + "</volumeId><size>8</size><volumeType>gp3</volumeType></item>")));
        return this;
    }

    /** What Amazon's latest-AMI parameter says now. */
    public NatReplacementAccount published(String imageId) {
        fake.answer(json("ssm", "GetParameter"), jsonOk("""
                {"Parameter":{"Name":"{{jsonPath request.body '$.Name'}}","Type":"String","Value":"%s","Version":8}}"""
                .formatted(imageId)).withTransformers("response-template"));
        return this;
    }

    /** The private route table, looked up by id (the route switch) and by tag (which of two NATs is current). */
    public NatReplacementAccount routeLeadsTo(String eni) {
        String table = set("routeTableSet", Ec2Xml.routeTable(EmptyAccount.PRIVATE_ROUTES, EmptyAccount.VPC,
                Ec2Xml.route("0.0.0.0/0", eni), "", "private-route-table"));
        fake.answer(ec2("DescribeRouteTables").withRequestBody(containing("private-route-table")),
                ec2Ok("DescribeRouteTables", table));
        fake.answer(ec2("DescribeRouteTables").withFormParam("RouteTableId.1", equalTo(EmptyAccount.PRIVATE_ROUTES)),
                ec2Ok("DescribeRouteTables", table));
        return this;
    }

    /** RunInstances launches {@link #NEW}, pending, its source/dest check on. */
    public NatReplacementAccount launches() {
        fake.answer(ec2("RunInstances"), ec2Ok("RunInstances", "<reservationId>r-0new</reservationId>"
                + set("instancesSet", fresh("pending", true))));
        return this;
    }

    /**
     * {@link #NEW} as describing it by id finds it, in the given states in turn, with its source/dest check as
     * given; its status checks passed; terminating the old one and stopping the new one are accepted.
     */
    public NatReplacementAccount newNatReports(boolean sourceDestCheck, String... states) {
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
        return this;
    }

    /** The calls that change something, in order. */
    public static List<String> mutations(AwsFake fake) {
        return fake.calls().stream().map(AwsCall::name).filter(name -> !name.contains(":Describe")
                && !name.contains(":Get")).toList();
    }
}
