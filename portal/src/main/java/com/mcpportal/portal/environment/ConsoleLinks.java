package com.mcpportal.portal.environment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The environment's resources as the page lists them, each with a link to it in the AWS console of its region. */
final class ConsoleLinks {

    /**
     * One resource row.
     *
     * @param url the AWS console page, or null (simulated resources exist nowhere but in the portal)
     */
    record ResourceLink(String label, String id, String url) {
    }

    private ConsoleLinks() {
    }

    static List<ResourceLink> of(String region, CloudResources r, boolean simulated) {
        String console = "https://" + region + ".console.aws.amazon.com/";
        String query = "?region=" + region;
        List<ResourceLink> links = new ArrayList<>();
        if (r.network() != null) {
            add(links, simulated, "VPC", r.network().vpcId(), console + "vpcconsole/home" + query + "#VpcDetails:VpcId="
                    + r.network().vpcId());
            add(links, simulated, "Private subnet", r.network().privateSubnetId(), console + "vpcconsole/home" + query
                    + "#SubnetDetails:subnetId=" + r.network().privateSubnetId());
        }
        if (r.nat() != null) {
            add(links, simulated, "NAT instance", r.nat().instanceId(), console + "ec2/home" + query
                    + "#InstanceDetails:instanceId=" + r.nat().instanceId());
        }
        if (r.repository() != null) {
            add(links, simulated, "ECR repository", r.repository().uri(), console + "ecr/repositories/private/"
                    + accountOf(r.repository().arn()) + "/" + r.repository().name() + query);
        }
        if (r.logGroup() != null) {
            add(links, simulated, "Log group", r.logGroup().name(), console + "cloudwatch/home" + query
                    + "#logsV2:log-groups/log-group/" + encode(encode(r.logGroup().name())));
        }
        if (r.apiKeySecret() != null) {
            add(links, simulated, "ElevenLabs key parameter", r.apiKeySecret().name(), console
                    + "systems-manager/parameters" + r.apiKeySecret().name() + "/description" + query);
        }
        if (r.keySetSecret() != null) {
            add(links, simulated, "API key set parameter", r.keySetSecret().name(), console
                    + "systems-manager/parameters" + r.keySetSecret().name() + "/description" + query);
        }
        if (r.cluster() != null && r.service() != null) {
            add(links, simulated, "ECS service", r.service().serviceArn(), console + "ecs/v2/clusters/" + r.cluster()
                    + "/services/" + r.service().serviceName() + "/health" + query);
        }
        if (r.taskDefinition() != null) {
            add(links, simulated, "Task definition", r.taskDefinition().arn(), console + "ecs/v2/task-definitions/"
                    + r.taskDefinition().family() + "/" + r.taskDefinition().revision() + "/containers" + query);
        }
        if (r.discovery() != null) {
            add(links, simulated, "Cloud Map namespace", r.discovery().namespaceId(), console
                    + "cloudmap/home/namespaces/" + r.discovery().namespaceId() + query);
        }
        if (r.ingress() != null) {
            add(links, simulated, "HTTP API", r.ingress().apiId(), console + "apigateway/main/api-detail?api="
                    + r.ingress().apiId() + "&region=" + region);
        }
        return links;
    }

    private static void add(List<ResourceLink> links, boolean simulated, String label, String id, String url) {
        links.add(new ResourceLink(label, id, simulated ? null : url));
    }

    private static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }

    // The CloudWatch console double-encodes log group names in its fragment.
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
