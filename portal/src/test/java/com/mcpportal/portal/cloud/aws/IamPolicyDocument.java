package com.mcpportal.portal.cloud.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Allow statements' actions of an IAM policy document, matched as IAM matches them: case-insensitive,
 * {@code *} and {@code ?} wildcards ({@code ec2:Describe*}). Conditions and resources are not evaluated.
 */
record IamPolicyDocument(List<String> allowedActions) {

    /**
     * The portal's policy: three managed policies by purpose (network and NAT instance; the service, its image, logs,
     * secrets and endpoint; the task roles and the team accounts' roles), from the module directory the tests run in.
     */
    static final List<Path> PORTAL_POLICIES = List.of(iamFile("portal-policy-network.json"),
            iamFile("portal-policy-service.json"), iamFile("portal-policy-iam.json"),
            iamFile("portal-policy-scheduler.json"), iamFile("portal-policy-autoscaling.json"));

    static Path iamFile(String name) {
        return Path.of("..", "deploy", "iam", name);
    }

    /** The Allow statements' actions of every file, as of one principal they are all attached to. */
    static IamPolicyDocument read(List<Path> files) throws IOException {
        List<String> actions = new ArrayList<>();
        for (Path file : files) {
            actions.addAll(read(file).allowedActions());
        }
        return new IamPolicyDocument(List.copyOf(actions));
    }

    static IamPolicyDocument read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        if (!"2012-10-17".equals(root.path("Version").asString())) {
            throw new IllegalArgumentException(file + ": Version must be 2012-10-17");
        }
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : root.path("Statement")) {
            if (!"Allow".equals(statement.path("Effect").asString())) {
                continue;
            }
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asString()));
            } else {
                actions.add(action.asString());
            }
        }
        return new IamPolicyDocument(List.copyOf(actions));
    }

    boolean allows(String action) {
        return allowedActions.stream().anyMatch(pattern -> matches(pattern, action));
    }

    /** The actions among {@code needed} that no Allow statement names, sorted. */
    Set<String> missing(Iterable<String> needed) {
        Set<String> missing = new TreeSet<>();
        needed.forEach(action -> {
            if (!allows(action)) {
                missing.add(action);
            }
        });
        return missing;
    }

    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }
}
