package com.mcpportal.portal.cloud.image;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the server image: the carried server and the Jib publisher, both on {@code portal.images.*}. Public so the
 * AWS adapter's configuration can import what it publishes with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageSettings.class)
public class ImageConfiguration {

    @Bean
    ServerImages serverImages(ImageSettings settings) {
        return new ServerImages(settings);
    }

    @Bean
    JibImagePublisher jibImagePublisher(ImageSettings settings) {
        return new JibImagePublisher(settings);
    }
}
