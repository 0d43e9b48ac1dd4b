package com.mcpportal.portal.cloud.aws;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.mcpportal.portal.cloud.image.ImageConfiguration;
import com.mcpportal.portal.cloud.image.JibImagePublisher;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Wires the AWS adapter, with the image publisher it pushes the MCP server with. Nothing here talks to AWS or looks
 * up credentials at start-up: the default credentials chain is resolved on the first call for an account without a
 * role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsSettings.class)
@Import(ImageConfiguration.class)
class AwsCloudConfiguration {

    @Bean(destroyMethod = "close")
    AwsClientFactory awsClientFactory(AwsSettings settings) {
        return new AwsClientFactory(settings, DefaultCredentialsProvider.builder().build());
    }

    @Bean
    AwsMcpMetrics awsMcpMetrics(AwsClientFactory clients) {
        return new AwsMcpMetrics(clients);
    }

    @Bean
    AwsCloudPrices awsCloudPrices(AwsClientFactory clients) {
        return new AwsCloudPrices(clients);
    }

    @Bean
    AwsCloudProvider awsCloudProvider(AwsClientFactory clients, AwsSettings settings, JibImagePublisher publisher) {
        return new AwsCloudProvider(clients, settings, publisher);
    }
}
