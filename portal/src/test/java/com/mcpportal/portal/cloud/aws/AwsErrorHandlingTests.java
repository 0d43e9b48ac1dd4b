package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Error;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static com.mcpportal.portal.cloud.aws.fake.Ec2Xml.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.Ec2Xml;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/** AWS error answers: throttling is retried, permission and validation errors stop the step with AWS's words. */
class AwsErrorHandlingTests {

    private static final String UNAUTHORIZED = "You are not authorized to perform this operation. "
            + "Encoded authorization failure message: 4Dz8mZ";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void throttlingIsRetriedUntilAwsAnswers() {
        fake.answer(json("ecs", "CreateCluster"),
                jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk("{\"cluster\":{\"clusterName\":\"mcp-env1\",\"status\":\"ACTIVE\"}}"));

        assertThat(cloud().ensureCluster(env)).isEqualTo("mcp-env1");
        assertThat(fake.calls("ecs:CreateCluster")).hasSize(3);
    }

    @Test
    void ec2RequestLimitExceededIsRetriedToo() {
        fake.answer(ec2("DescribeVpcs"),
                ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."),
                ec2Ok("DescribeVpcs", set("vpcSet", Ec2Xml.vpc("vpc-0old", "10.0.0.0/16"))));

        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThat(network.vpcId()).isEqualTo("vpc-0old");
        assertThat(fake.actions()).doesNotContain("ec2:CreateVpc");
    }

    @Test
    void unauthorizedOperationStopsTheStepAtOnceWithAwsMessage() {
        fake.answer(ec2("CreateVpc"), ec2Error(403, "UnauthorizedOperation", UNAUTHORIZED));

        assertThatThrownBy(() -> cloud().ensureNetwork(env, NetworkSpec.defaults()))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.step()).isEqualTo("ensure-network");
                    assertThat(e.service()).isEqualTo("Ec2");
                    assertThat(e.errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(e.providerMessage()).isEqualTo(UNAUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("ensure-network: Ec2 UnauthorizedOperation: " + UNAUTHORIZED);
                });
        assertThat(fake.calls("ec2:CreateVpc")).hasSize(1);
    }

    @Test
    void invalidParameterValueIsFatalAndNotRetried() {
        fake.answer(ec2("RunInstances"), ec2Error(400, "InvalidParameterValue",
                "Value (t4g.nanoo) for parameter instanceType is invalid."));
        Network network = cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThatThrownBy(() -> cloud().ensureNatInstance(env, network, NatSpec.defaults()))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                    assertThat(e.step()).isEqualTo("ensure-nat-instance");
                    assertThat(e.providerMessage()).contains("t4g.nanoo");
                });
        assertThat(fake.calls("ec2:RunInstances")).hasSize(1);
    }

    @Test
    void accessDeniedFromAJsonServiceIsFatal() {
        fake.answer(json("logs", "CreateLogGroup"), jsonError(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/portal/mcp-portal is not authorized to perform: "
                        + "logs:CreateLogGroup"));

        assertThatThrownBy(() -> cloud().ensureLogGroup(env, 7)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
            assertThat(e.providerMessage()).contains("logs:CreateLogGroup");
        });
        assertThat(fake.calls("logs:CreateLogGroup")).hasSize(1);
    }

    @Test
    void aServiceThatKeepsFailingIsRetriedBySdkAndStepThenReportedAsTransient() {
        fake.answer(json("logs", "DescribeLogGroups"), jsonError(503, "ServiceUnavailableException",
                "Service unavailable"));

        assertThatThrownBy(() -> cloud().ensureLogGroup(env, 7)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudErrorKind.TRANSIENT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.step()).isEqualTo("ensure-log-group");
        });
        // 3 SDK attempts in each of 3 step attempts (the fake's settings).
        assertThat(fake.calls("logs:DescribeLogGroups")).hasSize(9);
    }

    @Test
    void aDependencyStillGoingAwayIsRetriedAtStepLevel() {
        fake.answer(ec2("DescribeVpcs"), ec2Ok("DescribeVpcs", set("vpcSet", Ec2Xml.vpc("vpc-0old", "10.0.0.0/16"))));
        fake.answer(ec2("DescribeSubnets"), ec2Ok("DescribeSubnets", "<subnetSet/>"));
        fake.answer(ec2("DeleteVpc"),
                ec2Error(400, "DependencyViolation", "The vpc 'vpc-0old' has dependencies and cannot be deleted."),
                ec2Ok("DeleteVpc", Ec2Xml.ok()));

        cloud().deleteNetwork(env);

        assertThat(fake.calls("ec2:DeleteVpc")).hasSize(2);
    }

    @Test
    void aJustCreatedVpcThatEc2DoesNotKnowYetIsWaitedForNotCreatedAgain() {
        fake.answer(ec2("ModifyVpcAttribute"),
                ec2Error(400, "InvalidVpcID.NotFound", "The vpc ID 'vpc-0env' does not exist"),
                ec2Ok("ModifyVpcAttribute", Ec2Xml.ok()));

        cloud().ensureNetwork(env, NetworkSpec.defaults());

        assertThat(fake.calls("ec2:CreateVpc")).hasSize(1);
        assertThat(fake.calls("ec2:ModifyVpcAttribute")).hasSize(3);
    }
}
