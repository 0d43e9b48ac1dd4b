package com.mcpportal.portal.cloud.aws;

import java.util.Optional;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.ServiceDiscovery;

import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.FilterCondition;
import software.amazon.awssdk.services.servicediscovery.model.GetOperationResponse;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceSummary;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/**
 * Cloud Map: a private DNS namespace in the VPC and one service with SRV records, which ECS
 * fills with the task's address and port and API Gateway's VPC link reads.
 */
final class DiscoveryResources {

    static final String NAMESPACE = "cloud-map-namespace";
    static final String SERVICE = "cloud-map-service";
    static final String SERVICE_NAME = "mcp";

    private final Waiter waiter;

    DiscoveryResources(Waiter waiter) {
        this.waiter = waiter;
    }

    static String namespaceName(EnvironmentRef env) {
        return env.resourceName() + ".internal";
    }

    ServiceDiscovery ensure(ServiceDiscoveryClient cloudMap, EnvironmentRef env, Network network) {
        String namespaceName = namespaceName(env);
        Optional<NamespaceSummary> existing = findNamespace(cloudMap, namespaceName);
        String namespaceId = existing.map(NamespaceSummary::id).orElseGet(() -> {
            // The request id makes a repeated create (after a crash) return the first operation.
            String operationId = cloudMap.createPrivateDnsNamespace(r -> r.name(namespaceName).vpc(network.vpcId())
                    .creatorRequestId("ns-" + network.vpcId())
                    .description("mcp-portal environment " + env.environmentId())
                    .tags(AwsTags.cloudMap(env, NAMESPACE))).operationId();
            return AwsAnswers.required(awaitOperation(cloudMap, operationId).operation().targetsAsStrings()
                    .get("NAMESPACE"), "servicediscovery", "the new namespace's id");
        });
        // A namespace made just now has no service; the service's request id covers a create repeated after a crash.
        ServiceSummary service = existing.isEmpty() ? null : cloudMap.listServicesPaginator(r -> r.filters(f -> f
                        .name("NAMESPACE_ID").values(namespaceId).condition("EQ"))).stream()
                .flatMap(p -> p.services().stream()).filter(s -> SERVICE_NAME.equals(s.name())).findFirst()
                .orElse(null);
        if (service != null) {
            return new ServiceDiscovery(namespaceId, namespaceName, service.id(), service.arn());
        }
        var created = AwsAnswers.required(cloudMap.createService(r -> r.name(SERVICE_NAME).namespaceId(namespaceId)
                .creatorRequestId("svc-" + namespaceId)
                .dnsConfig(d -> d.routingPolicy("MULTIVALUE").dnsRecords(rec -> rec.type("SRV").ttl(10L)))
                .healthCheckCustomConfig(h -> h.failureThreshold(1))
                .tags(AwsTags.cloudMap(env, SERVICE))).service(), "servicediscovery", "the new service");
        return new ServiceDiscovery(namespaceId, namespaceName, created.id(), created.arn());
    }

    void delete(ServiceDiscoveryClient cloudMap, EnvironmentRef env) {
        Optional<NamespaceSummary> namespace = findNamespace(cloudMap, namespaceName(env));
        if (namespace.isEmpty()) {
            return;
        }
        String namespaceId = namespace.get().id();
        cloudMap.listServicesPaginator(r -> r.filters(f -> f.name("NAMESPACE_ID").values(namespaceId).condition("EQ")))
                .stream().flatMap(p -> p.services().stream()).forEach(s -> AwsErrors.ignoringNotFound(() -> cloudMap.deleteService(r -> r.id(s.id()))));
        try {
            String operationId = cloudMap.deleteNamespace(r -> r.id(namespaceId)).operationId();
            awaitOperation(cloudMap, operationId);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            if (!AwsErrors.isNotFound(e)) {
                throw e;
            }
        }
    }

    // By name, so the answer is one page however many environments the account has (the name check stays, for
    // an endpoint that ignores the filter).
    private static Optional<NamespaceSummary> findNamespace(ServiceDiscoveryClient cloudMap, String name) {
        return cloudMap.listNamespacesPaginator(r -> r.filters(
                        f -> f.name(NamespaceFilterName.TYPE).values("DNS_PRIVATE").condition(FilterCondition.EQ),
                        f -> f.name(NamespaceFilterName.NAME).values(name).condition(FilterCondition.EQ))).stream()
                .flatMap(p -> p.namespaces().stream()).filter(n -> name.equals(n.name())).findFirst();
    }

    private GetOperationResponse awaitOperation(ServiceDiscoveryClient cloudMap, String operationId) {
        GetOperationResponse done = waiter.until("Cloud Map operation " + operationId,
                () -> cloudMap.getOperation(r -> r.operationId(operationId)),
                o -> "SUCCESS".equals(status(o)) || "FAIL".equals(status(o)), DiscoveryResources::status);
        if ("FAIL".equals(done.operation().statusAsString())) {
            throw new CloudException(CloudErrorKind.FAILED, null, "servicediscovery", done.operation().errorCode(),
                    done.operation().errorMessage(), null);
        }
        return done;
    }

    private static String status(GetOperationResponse answer) {
        return answer.operation() == null ? null : answer.operation().statusAsString();
    }
}
