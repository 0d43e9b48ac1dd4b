package com.mcpportal.portal.cloud.aws.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request the AWS fake received, read the way AWS reads it: the signing service from the
 * SigV4 credential scope, the action from {@code Action=} (Query protocols), {@code X-Amz-Target}
 * (JSON protocols) or method and path (REST), and the body as form parameters or JSON.
 */
public record AwsCall(String service, String action, String method, String path, String body, String accessKeyId) {

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AwsCall of(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
        boolean signed = scope.find();
        String accessKey = signed ? scope.group(1) : "";
        String service = signed ? scope.group(2) : "unknown";
        String body = request.getBodyAsString();
        String target = request.getHeader("X-Amz-Target");
        String path = request.getUrl().split("\\?")[0];
        String action;
        if (target != null) {
            action = target.substring(target.indexOf('.') + 1);
        } else if (body.contains("Action=")) {
            action = form(body).get("Action");
        } else {
            action = request.getMethod().getName() + " " + path;
        }
        return new AwsCall(service, action, request.getMethod().getName(), path, body, accessKey);
    }

    /** {@code ec2:RunInstances}, {@code ecs:CreateService}, {@code apigateway:POST /v2/apis} … */
    public String name() {
        return service + ":" + action;
    }

    /**
     * The IAM action that authorizes this call, as a policy names it: {@code ec2:RunInstances},
     * {@code tag:GetResources}, {@code cloudwatch:GetMetricData} (signed as {@code monitoring}), and for API
     * Gateway's REST API the HTTP verb, {@code apigateway:POST}.
     */
    public String iamAction() {
        return switch (service) {
            case "apigateway" -> "apigateway:" + method;
            case "tagging" -> "tag:" + action;
            case "monitoring" -> "cloudwatch:" + action;
            default -> name();
        };
    }

    /** Form parameters of a Query-protocol call (EC2, STS, IAM), decoded. */
    public Map<String, String> form() {
        return form(body);
    }

    public String param(String name) {
        return form().get(name);
    }

    /** The tags of an EC2 create call's first tag specification ({@code TagSpecification.1.Tag.N.Key/Value}). */
    public Map<String, String> ec2Tags() {
        Map<String, String> form = form();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("TagSpecification.1.Tag." + n + ".Key"); n++) {
            tags.put(form.get("TagSpecification.1.Tag." + n + ".Key"), form.get("TagSpecification.1.Tag." + n + ".Value"));
        }
        return tags;
    }

    /** The body of a JSON-protocol call. */
    public JsonNode json() {
        return JSON.readTree(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
