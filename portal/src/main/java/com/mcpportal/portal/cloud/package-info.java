/**
 * The cloud port: what the portal needs from a cloud to run an environment, one step per method
 * ({@link com.mcpportal.portal.cloud.CloudProvider}), with value records for inputs and results and
 * {@link com.mcpportal.portal.cloud.CloudException} for failures (retryable or fatal, with the step,
 * service, provider error code and message).
 *
 * <p>{@link com.mcpportal.portal.cloud.McpMetricsSource} is a second, narrow port: the hourly request and error
 * counts of an environment's MCP server, from CloudWatch {@code GetMetricData} in {@code aws} mode and generated
 * (deterministic per environment and hour, zero while the simulated service did not run) in {@code simulated} mode.
 *
 * <p>{@link com.mcpportal.portal.cloud.CloudPrices} is a third: a price list's products and the current spot prices,
 * read with an account's credentials from the Price List Query API and EC2 in {@code aws} mode; the simulated cloud has
 * neither (its accounts' estimates use the bundled snapshot). Only {@code cloud.aws} uses the AWS SDK.
 *
 * <p>The AWS adapter ({@code cloud.aws}) runs each step on AWS SDK v2. Every resource carries the
 * tags {@code mcp-portal:environment-id}, {@code mcp-portal:team}, {@code mcp-portal:managed-by},
 * {@code mcp-portal:component} and {@code Name}, except a shared network's own VPC, public subnet, internet gateway,
 * route table, NAT group and instance, which carry {@code mcp-portal:network-id} instead (so no environment's lookup or
 * deletion finds them); ECR, Logs, ECS and Cloud Map resources are named
 * {@code mcp-<environment id>}. Each step looks its resource up by those tags or that name before
 * creating it, so a repeated or resumed step creates nothing twice (the NAT instance's launch also carries a client
 * token of its run, shared by that run's retries only: EC2 would answer a reused token with the instance it once
 * launched, even a terminated one). Every field of an AWS answer is optional: one a step cannot do without fails
 * the step with a message naming it, never with an internal error. {@code remainingResources} confirms each ARN
 * the Resource Groups Tagging API lists with its own service, as that listing keeps deleted resources for a while.
 *
 * <h2>Configuration: {@code portal.aws.*}</h2>
 * All optional; with none set the adapter uses the real AWS endpoints and the default credentials
 * chain (looked up on first use, never at start-up). A cloud account with a role ARN is reached
 * through STS AssumeRole (session name {@code mcp-portal}, with the account's external id).
 * <table>
 * <caption>portal.aws properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code portal.aws.endpoint-override}</td><td>none</td><td>one endpoint for every service, e.g.
 *     {@code http://localhost:5000} for moto's server ({@code python3 -m moto.server -p 5000}), against which the
 *     portal's emulator tests run the adapter; moto has no AWS managed IAM policies (give the cloud account its
 *     task role ARNs), runs no containers (waits for a healthy task time out) and serves ECR's API but no registry
 *     (set {@code portal.images.registry-override} for the server image, below)</td></tr>
 * <tr><td>{@code portal.aws.endpoints.<service>}</td><td>none</td><td>per-service endpoint, wins over the
 *     global one; services: {@code sts iam ec2 ecs ecr logs ssm apigateway servicediscovery tagging pricing cloudwatch}
 *     ({@code portal.pricing.endpoint-override} wins for the Pricing API, see {@code cost.PricingSettings})</td></tr>
 * <tr><td>{@code portal.aws.retry-mode}</td><td>{@code standard}</td><td>SDK retry strategy:
 *     {@code standard} or {@code adaptive} (client-side rate limiting)</td></tr>
 * <tr><td>{@code portal.aws.max-attempts}</td><td>5</td><td>SDK attempts per API call</td></tr>
 * <tr><td>{@code portal.aws.retry-base-delay}</td><td>SDK's</td><td>SDK backoff base delay, e.g. {@code 200ms}</td></tr>
 * <tr><td>{@code portal.aws.step-attempts}</td><td>3</td><td>attempts per step for retryable failures</td></tr>
 * <tr><td>{@code portal.aws.step-retry-delay}</td><td>5s</td><td>first pause between step attempts, doubled each time</td></tr>
 * <tr><td>{@code portal.aws.poll-interval}</td><td>5s</td><td>how often waits (NAT running, service steady …) ask</td></tr>
 * <tr><td>{@code portal.aws.wait-timeout}</td><td>15m</td><td>how long a wait lasts before the step fails</td></tr>
 * <tr><td>{@code portal.aws.nat-image-parameter}</td><td>Amazon's latest AL2023 minimal
 *     ({@code /aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-{arch}})</td><td>the SSM
 *     parameter NAT instances are launched and patched from, {@code {arch}} standing for {@code arm64} or
 *     {@code x86_64}; another of Amazon's works with the shipped policy, your own needs it widened (deploy/README.md,
 *     "The NAT instance, kept patched")</td></tr>
 * </table>
 * As environment variables: {@code PORTAL_AWS_ENDPOINT_OVERRIDE=http://localhost:4566},
 * {@code PORTAL_AWS_RETRY_MODE=adaptive} and so on.
 *
 * <h2>The MCP server image: {@code portal.images.*}</h2>
 * The portal carries the MCP server built with it ({@code mcp-server/target/server-image}, copied into its resources)
 * and publishes it into each environment's repository with Jib ({@code cloud.image}); see deploy/README.md, "The MCP
 * server on ECS". All optional.
 * <table>
 * <caption>portal.images properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code portal.images.base-image}</td><td>Temurin 25 JRE (noble), pinned by digest</td><td>the JRE image
 *     the server runs on, {@code name[:tag]@sha256:…} (a tag alone is refused); a private registry or an ECR
 *     pull-through cache works the same way</td></tr>
 * <tr><td>{@code portal.images.base-image-username}, {@code -password}</td><td>none</td><td>credentials for the base
 *     image's registry; without them: the ECR login when the base is in the environment's registry, else the Docker
 *     configuration file, else anonymous</td></tr>
 * <tr><td>{@code portal.images.registry-override}</td><td>none: the environment's ECR</td><td>publish to this
 *     registry instead, {@code http(s)://host[:port]}; only here may it be plain HTTP (and TLS unverified). The ECR
 *     login goes with the push, over plain HTTP only with Jib's {@code -DsendCredentialsOverHttp=true} (a registry
 *     that asks for none needs none); with moto, whose ECR has no registry, this is where the image goes</td></tr>
 * <tr><td>{@code portal.images.cache-directory}</td><td>{@code data/image-cache}</td><td>the unpacked server and
 *     Jib's layer caches (the base image is pulled once per architecture)</td></tr>
 * </table>
 * As environment variables: {@code PORTAL_IMAGES_BASE_IMAGE}, {@code PORTAL_IMAGES_REGISTRY_OVERRIDE} and so on.
 */
package com.mcpportal.portal.cloud;
