package com.mcpportal.portal.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.ServiceDiscovery;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.VpcLink;

/**
 * The public HTTPS entry: an API Gateway HTTP API whose only route, {@code ANY /{proxy+}},
 * goes through a VPC link to the Cloud Map service, on the auto-deployed {@code $default} stage.
 */
final class IngressResources {

    static final String API = "http-api";
    static final String VPC_LINK = "vpc-link";
    static final String ROUTE_KEY = "ANY /{proxy+}";
    static final String STAGE = "$default";

    private final Waiter waiter;

    IngressResources(Waiter waiter) {
        this.waiter = waiter;
    }

    Ingress ensure(ApiGatewayV2Client apis, EnvironmentRef env, Network network, ServiceDiscovery discovery) {
        String name = env.resourceName();
        String linkId = availableLink(apis, env, network, vpcLinks(apis, env, false).stream().findFirst().orElse(null));

        Optional<Api> existing = apisOf(apis, env).stream().findFirst();
        Api api = existing.orElseGet(() -> {
            var created = apis.createApi(r -> r.name(name).protocolType("HTTP")
                    .description("MCP server of " + env.team() + "/" + env.name()).tags(env.tags(API)));
            return Api.builder().apiId(created.apiId()).apiEndpoint(created.apiEndpoint()).build();
        });
        String apiId = AwsAnswers.required(api.apiId(), "apigateway", "the API's id");
        // An API made just now has no integration, route or stage yet: no need to ask for them.
        boolean fresh = existing.isEmpty();

        String integrationId = (fresh ? Stream.<Integration>empty() : apis.getIntegrations(r -> r.apiId(apiId))
                        .items().stream())
                .filter(i -> linkId.equals(i.connectionId()) && discovery.serviceArn().equals(i.integrationUri()))
                .map(Integration::integrationId).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> apis.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY")
                        .integrationMethod("ANY").connectionType("VPC_LINK").connectionId(linkId)
                        .integrationUri(discovery.serviceArn()).payloadFormatVersion("1.0")).integrationId());

        String target = "integrations/" + integrationId;
        Optional<Route> route = fresh ? Optional.empty() : apis.getRoutes(r -> r.apiId(apiId)).items().stream()
                .filter(r -> ROUTE_KEY.equals(r.routeKey())).findFirst();
        if (route.isEmpty()) {
            apis.createRoute(r -> r.apiId(apiId).routeKey(ROUTE_KEY).target(target));
        } else if (!target.equals(route.get().target())) {
            apis.updateRoute(r -> r.apiId(apiId).routeId(route.get().routeId()).target(target));
        }

        boolean staged = !fresh && apis.getStages(r -> r.apiId(apiId)).items().stream()
                .anyMatch(s -> STAGE.equals(s.stageName()));
        if (!staged) {
            apis.createStage(r -> r.apiId(apiId).stageName(STAGE).autoDeploy(true).tags(env.tags("api-stage")));
        }
        return new Ingress(apiId, linkId, integrationId, api.apiEndpoint());
    }

    /**
     * The same API (same URL) with its VPC link moved to {@code network}: a link in its private subnet and security
     * group (found by the environment's tag and that subnet, else created), the integration to the Cloud Map service
     * pointed at it, then every other link of the environment deleted and waited for.
     */
    Ingress move(ApiGatewayV2Client apis, EnvironmentRef env, Network network, ServiceDiscovery discovery) {
        Api api = apisOf(apis, env).stream().findFirst().orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, null, "apigateway", "NotFoundException", "Environment "
                        + env.environmentId() + " has no HTTP API to move; provision it first", null));
        List<VpcLink> links = vpcLinks(apis, env, false);
        String linkId = availableLink(apis, env, network, links.stream()
                .filter(l -> l.subnetIds().contains(network.privateSubnetId())).findFirst().orElse(null));
        String apiId = api.apiId();
        Integration integration = apis.getIntegrations(r -> r.apiId(apiId)).items().stream()
                .filter(i -> discovery.serviceArn().equals(i.integrationUri())).findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "apigateway",
                        "NotFoundException", "The HTTP API " + apiId + " has no integration with the Cloud Map"
                                + " service " + discovery.serviceArn() + "; provision the environment again", null));
        if (!linkId.equals(integration.connectionId())) {
            apis.updateIntegration(r -> r.apiId(apiId).integrationId(integration.integrationId())
                    .connectionType("VPC_LINK").connectionId(linkId));
        }
        deleteLinks(apis, vpcLinks(apis, env, true).stream().filter(l -> !linkId.equals(l.vpcLinkId())).toList());
        return new Ingress(apiId, linkId, integration.integrationId(), api.apiEndpoint());
    }

    /** The found link's id, or a new link's in the network's private subnets and service group; once available. */
    private String availableLink(ApiGatewayV2Client apis, EnvironmentRef env, Network network, VpcLink link) {
        String linkId = AwsAnswers.required(link != null ? link.vpcLinkId()
                : apis.createVpcLink(r -> r.name(env.resourceName()).subnetIds(network.privateSubnetIds())
                        .securityGroupIds(network.serviceSecurityGroupId()).tags(env.tags(VPC_LINK))).vpcLinkId(),
                "apigateway", "the VPC link's id");
        if (link == null || !"AVAILABLE".equals(link.vpcLinkStatusAsString())) {
            waiter.until("VPC link " + linkId + " available",
                    () -> apis.getVpcLink(r -> r.vpcLinkId(linkId)).vpcLinkStatusAsString(),
                    "AVAILABLE"::equals, status -> status);
        }
        return linkId;
    }

    void delete(ApiGatewayV2Client apis, EnvironmentRef env) {
        // Deleting the API takes its routes, integrations and stages with it.
        apisOf(apis, env).forEach(api -> AwsErrors.ignoringNotFound(() -> apis.deleteApi(r -> r.apiId(api.apiId()))));
        deleteLinks(apis, vpcLinks(apis, env, true));
    }

    private void deleteLinks(ApiGatewayV2Client apis, List<VpcLink> links) {
        for (VpcLink link : links) {
            if (!"DELETING".equals(link.vpcLinkStatusAsString())) {
                AwsErrors.ignoringNotFound(() -> apis.deleteVpcLink(r -> r.vpcLinkId(link.vpcLinkId())));
            }
            // Its network interfaces block deleting the subnets until the link is gone.
            waiter.until("VPC link " + link.vpcLinkId() + " deleted", () -> statusOf(apis, link.vpcLinkId()),
                    "GONE"::equals, status -> status);
        }
    }

    private static String statusOf(ApiGatewayV2Client apis, String linkId) {
        try {
            return apis.getVpcLink(r -> r.vpcLinkId(linkId)).vpcLinkStatusAsString();
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                return "GONE";
            }
            throw e;
        }
    }

    private static List<Api> apisOf(ApiGatewayV2Client apis, EnvironmentRef env) {
        return all(token -> {
            var page = apis.getApis(r -> r.maxResults("100").nextToken(token));
            return new Page<>(page.items(), page.nextToken());
        }).stream().filter(a -> belongs(a.tags(), env, API)).toList();
    }

    private static List<VpcLink> vpcLinks(ApiGatewayV2Client apis, EnvironmentRef env, boolean withDying) {
        return all(token -> {
            var page = apis.getVpcLinks(r -> r.maxResults("100").nextToken(token));
            return new Page<>(page.items(), page.nextToken());
        }).stream().filter(l -> belongs(l.tags(), env, VPC_LINK))
                .filter(l -> withDying || !"DELETING".equals(l.vpcLinkStatusAsString())
                        && !"FAILED".equals(l.vpcLinkStatusAsString()))
                .toList();
    }

    private static boolean belongs(Map<String, String> tags, EnvironmentRef env, String component) {
        return env.environmentId().equals(tags.get(EnvironmentRef.TAG_ENVIRONMENT_ID))
                && component.equals(tags.get(EnvironmentRef.TAG_COMPONENT));
    }

    private record Page<T>(List<T> items, String next) {
    }

    private static <T> List<T> all(Function<String, Page<T>> fetch) {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = fetch.apply(token);
            items.addAll(page.items());
            token = page.next();
        } while (token != null);
        return items;
    }
}
