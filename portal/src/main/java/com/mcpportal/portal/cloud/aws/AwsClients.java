package com.mcpportal.portal.cloud.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The SDK clients for one (cloud account, region), built by {@link AwsClientFactory}.
 *
 * @param credentials         closes the assumed-role credentials (null without a role)
 * @param credentialsProvider the credentials every client here signs with (base chain or assumed role)
 */
public record AwsClients(StsClient sts, IamClient iam, Ec2Client ec2, EcsClient ecs, EcrClient ecr,
        CloudWatchLogsClient logs, SsmClient ssm, ApiGatewayV2Client apiGateway, ServiceDiscoveryClient cloudMap,
        ResourceGroupsTaggingApiClient tagging, CloudWatchClient cloudWatch, SchedulerClient scheduler,
        ApplicationAutoScalingClient autoscaling, AutoCloseable credentials,
        AwsCredentialsProvider credentialsProvider)
        implements AutoCloseable {

    @Override
    public void close() {
        for (AutoCloseable client : new AutoCloseable[] {sts, iam, ec2, ecs, ecr, logs, ssm, apiGateway, cloudMap,
                tagging, cloudWatch, scheduler, autoscaling, credentials}) {
            IoUtils.closeQuietlyV2(client, null);
        }
    }
}
