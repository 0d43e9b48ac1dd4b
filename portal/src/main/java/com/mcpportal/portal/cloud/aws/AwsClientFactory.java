package com.mcpportal.portal.cloud.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mcpportal.portal.cloud.CloudTarget;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds and caches the SDK clients for each (cloud account, region): region, credentials (the
 * base chain, or an STS assumed role with external id), endpoint overrides and the retry
 * strategy from {@link AwsSettings}. All clients share one HTTP client; {@link #close} closes all.
 */
public class AwsClientFactory implements AutoCloseable {

    static final String SESSION_NAME = "mcp-portal";

    private final AwsSettings settings;
    private final AwsCredentialsProvider baseCredentials;
    private final SdkHttpClient httpClient = ApacheHttpClient.builder().maxConnections(50).build();
    private final Map<CloudTarget, AwsClients> clients = new ConcurrentHashMap<>();

    /** @param baseCredentials the portal's own credentials; resolved lazily, on the first call */
    public AwsClientFactory(AwsSettings settings, AwsCredentialsProvider baseCredentials) {
        this.settings = settings;
        this.baseCredentials = baseCredentials;
    }

    /** The clients for a target, built on first use. */
    public AwsClients clientsFor(CloudTarget target) {
        return clients.computeIfAbsent(target, this::build);
    }

    /**
     * A Price List Query API client signed with the target account's credentials (its assumed role, if any). The
     * Pricing API answers in a few regions only, so the caller names the signing region. Endpoint: the given
     * override, else {@code portal.aws.endpoints.pricing}, else {@code portal.aws.endpoint-override}, else AWS's.
     * Built per call ({@link AwsCloudPrices} builds one per reader); the caller closes it.
     */
    PricingClient pricingClient(CloudTarget target, String signingRegion, URI endpointOverride) {
        AwsCredentialsProvider credentials = clientsFor(target).credentialsProvider();
        return configure(PricingClient.builder(), AwsService.PRICING, Region.of(signingRegion), credentials,
                endpointOverride);
    }

    /** Drops (and closes) the clients of a cloud account whose settings changed. */
    public void evict(String accountId) {
        clients.keySet().removeIf(target -> {
            if (target.accountId().equals(accountId)) {
                clients.get(target).close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        clients.values().forEach(AwsClients::close);
        clients.clear();
        httpClient.close();
    }

    private AwsClients build(CloudTarget target) {
        Region region = Region.of(target.region());
        AwsCredentialsProvider credentials = baseCredentials;
        AutoCloseable credentialsCloser = null;
        if (target.assumesRole()) {
            StsClient baseSts = configure(StsClient.builder(), AwsService.STS, region, baseCredentials);
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(baseSts)
                    .refreshRequest(r -> r.roleArn(target.roleArn()).externalId(target.externalId())
                            .roleSessionName(SESSION_NAME))
                    .build();
            credentials = assumed;
            credentialsCloser = () -> {
                assumed.close();
                baseSts.close();
            };
        }
        // With a role, GetCallerIdentity answers as the assumed role: what "test connection" must show.
        StsClient sts = configure(StsClient.builder(), AwsService.STS, region, credentials);
        return new AwsClients(sts,
                configure(IamClient.builder(), AwsService.IAM, iamRegion(region), credentials),
                configure(Ec2Client.builder(), AwsService.EC2, region, credentials),
                configure(EcsClient.builder(), AwsService.ECS, region, credentials),
                configure(EcrClient.builder(), AwsService.ECR, region, credentials),
                configure(CloudWatchLogsClient.builder(), AwsService.LOGS, region, credentials),
                configure(SsmClient.builder(), AwsService.SSM, region, credentials),
                configure(ApiGatewayV2Client.builder(), AwsService.API_GATEWAY, region, credentials),
                configure(ServiceDiscoveryClient.builder(), AwsService.SERVICE_DISCOVERY, region, credentials),
                configure(ResourceGroupsTaggingApiClient.builder(), AwsService.TAGGING, region, credentials),
                configure(CloudWatchClient.builder(), AwsService.CLOUDWATCH, region, credentials),
                configure(SchedulerClient.builder(), AwsService.SCHEDULER, region, credentials),
                configure(ApplicationAutoScalingClient.builder(), AwsService.APPLICATION_AUTOSCALING, region,
                        credentials),
                credentialsCloser, credentials);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            AwsService service, Region region, AwsCredentialsProvider credentials) {
        return configure(builder, service, region, credentials, null);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            AwsService service, Region region, AwsCredentialsProvider credentials, URI explicitEndpoint) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()).addExecutionInterceptor(AwsCallMetrics.GLOBAL));
        URI endpoint = explicitEndpoint != null ? explicitEndpoint : settings.endpointFor(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private RetryStrategy retryStrategy() {
        RetryStrategy.Builder<?, ?> builder = settings.retryMode() == AwsSettings.RetryMode.ADAPTIVE
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder();
        builder.maxAttempts(settings.maxAttempts());
        if (settings.retryBaseDelay() != null) {
            BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), Duration.ofSeconds(20));
            builder.backoffStrategy(backoff);
            builder.throttlingBackoffStrategy(backoff);
        }
        return builder.build();
    }

    // IAM is global: one endpoint per partition.
    private static Region iamRegion(Region region) {
        String id = region.id();
        if (id.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (id.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }
}
