package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.query;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.queryOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.ConnectionCheck;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsCall;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

/** Credentials, assumed roles, endpoint overrides and "test connection". */
class AwsClientFactoryTests {

    private static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String ROLE = "arn:aws:iam::210987654321:role/mcp-portal";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    @Test
    void testConnectionNamesTheAccountAndIdentity() {
        ConnectionCheck check = fake.provider().testConnection(AwsFake.target());

        assertThat(check.ok()).isTrue();
        assertThat(check.account()).isEqualTo("123456789012");
        assertThat(check.arn()).isEqualTo("arn:aws:iam::123456789012:user/portal");
        assertThat(check.message()).contains("123456789012");
        assertThat(fake.onlyCall("sts:GetCallerIdentity").accessKeyId()).isEqualTo(AwsFake.ACCESS_KEY);
    }

    @Test
    void anAccountWithARoleIsReachedThroughStsAssumeRoleWithItsExternalId() {
        fake.answer(query("sts", "AssumeRole"), queryOk(STS, "AssumeRole", """
                <Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey>\
                <SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
                <AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/mcp-portal/mcp-portal</Arn>\
                <AssumedRoleId>AROA:mcp-portal</AssumedRoleId></AssumedRoleUser>"""));
        CloudTarget target = new CloudTarget("account-2", "eu-central-1", ROLE, "ext-42");
        var cloud = fake.provider();

        ConnectionCheck check = cloud.testConnection(target);
        cloud.ensureNetwork(new EnvironmentRef(target, "env9", "t", "n"), NetworkSpec.defaults());

        assertThat(check.ok()).isTrue();
        AwsCall assume = fake.onlyCall("sts:AssumeRole");
        assertThat(assume.form()).containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-42")
                .containsEntry("RoleSessionName", "mcp-portal");
        assertThat(assume.accessKeyId()).isEqualTo(AwsFake.ACCESS_KEY);
        assertThat(fake.onlyCall("sts:GetCallerIdentity").accessKeyId()).isEqualTo("ASIAASSUMED");
        assertThat(fake.calls()).filteredOn(call -> call.service().equals("ec2")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.accessKeyId()).isEqualTo("ASIAASSUMED"));
    }

    @Test
    void aRefusedAssumeRoleIsAClearFailedCheckNotAnException() {
        fake.answer(query("sts", "AssumeRole"), queryError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/portal is not authorized to perform: sts:AssumeRole on resource: "
                        + ROLE));

        ConnectionCheck check = fake.provider().testConnection(new CloudTarget("account-2", "us-east-1", ROLE, "x"));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("AccessDenied: ").contains("sts:AssumeRole", ROLE);
    }

    @Test
    void anUnreachableEndpointIsAFailedCheckThatSaysSo() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        AwsSettings settings = new AwsSettings(closed, null, null, 1, null, 1, Duration.ZERO, Duration.ofMillis(1),
                Duration.ofMillis(1));

        ConnectionCheck check = new AwsCloudProvider(fake.clientFactory(settings), settings, d -> { })
                .testConnection(AwsFake.target());

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).containsIgnoringCase("connect");
    }

    @Test
    void aPerServiceEndpointOverridesTheGlobalOne() {
        try (AwsFake ec2Only = AwsFake.start()) {
            EmptyAccount.on(ec2Only);
            AwsSettings settings = new AwsSettings(fake.endpoint(), Map.of("ec2", ec2Only.endpoint()),
                    AwsSettings.RetryMode.ADAPTIVE, 2, Duration.ofMillis(1), 1, Duration.ZERO, Duration.ofMillis(1),
                    Duration.ofMillis(1));
            var cloud = new AwsCloudProvider(fake.clientFactory(settings), settings, d -> { });

            cloud.ensureNetwork(new EnvironmentRef(AwsFake.target(), "env1", "t", "n"), NetworkSpec.defaults());
            cloud.testConnection(AwsFake.target());

            assertThat(ec2Only.actions()).isNotEmpty().allMatch(action -> action.startsWith("ec2:"));
            assertThat(fake.actions()).containsExactly("sts:GetCallerIdentity");
        }
    }

    @Test
    void clientsAreBuiltOncePerAccountAndRegionAndRebuiltAfterEviction() {
        AwsClientFactory factory = fake.clientFactory(fake.settings());
        CloudTarget target = AwsFake.target();

        AwsClients first = factory.clientsFor(target);

        assertThat(factory.clientsFor(target)).isSameAs(first);
        assertThat(factory.clientsFor(CloudTarget.defaultCredentials("account-1", "eu-west-1"))).isNotSameAs(first);
        factory.evict("account-1");
        assertThat(factory.clientsFor(target)).isNotSameAs(first);
    }

    @Test
    void defaultSettingsNeedNoConfigurationAtAll() {
        AwsSettings defaults = AwsSettings.defaults();

        assertThat(defaults.endpointOverride()).isNull();
        assertThat(defaults.endpointFor(AwsService.EC2)).isNull();
        assertThat(defaults.retryMode()).isEqualTo(AwsSettings.RetryMode.STANDARD);
        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.stepAttempts()).isEqualTo(3);
        assertThat(defaults.waitTimeout()).isEqualTo(Duration.ofMinutes(15));
    }
}
