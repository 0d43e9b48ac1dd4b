package com.mcpportal.portal.cloud.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IAM identity policy evaluated the way IAM evaluates one request (IAM User Guide, "Policy evaluation logic"
 * and "IAM JSON policy elements: Condition operators"): an explicit Deny wins, then any Allow, else the implicit
 * deny. A statement applies when an action pattern matches (case-insensitive), a resource pattern matches
 * (case-sensitive), and every condition holds. Conditions: the String, Arn, Null and Bool operators, with
 * {@code IfExists} and the {@code ForAllValues:}/{@code ForAnyValue:} set qualifiers; a key the request lacks
 * makes a negated operator true, {@code ForAllValues} true, {@code IfExists} true, and anything else false.
 * {@code ${aws:PrincipalAccount}}-style variables in resources and condition values take the request's value.
 * Anything else (NotAction, NotResource, other operators) is refused, so a policy using it cannot pass a test
 * unread.
 */
record IamPolicy(List<IamPolicy.Statement> statements) {

    enum Decision { ALLOWED, IMPLICITLY_DENIED, EXPLICITLY_DENIED }

    /** One request as IAM authorizes it: an action on one resource ARN ({@code *} without resource types). */
    record Request(String action, String resource, Map<String, List<String>> context) {

        static Request of(String action, String resource) {
            return new Request(action, resource, Map.of());
        }

        Request with(String key, String... values) {
            Map<String, List<String>> more = new LinkedHashMap<>(context);
            more.put(key.toLowerCase(Locale.ROOT), List.of(values));
            return new Request(action, resource, more);
        }

        /** {@code aws:RequestTag/K} for each tag and {@code aws:TagKeys}, as a create call with tags sets them. */
        Request withRequestTags(Map<String, String> tags) {
            Request request = this;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                request = request.with("aws:RequestTag/" + tag.getKey(), tag.getValue());
            }
            return tags.isEmpty() ? request : request.with("aws:TagKeys", tags.keySet().toArray(String[]::new));
        }

        /** {@code aws:ResourceTag/K} for each tag the resource carries. */
        Request withResourceTags(Map<String, String> tags) {
            Request request = this;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                request = request.with("aws:ResourceTag/" + tag.getKey(), tag.getValue());
            }
            return request;
        }

        List<String> values(String key) {
            return context.get(key.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return action + " on " + resource + (context.isEmpty() ? "" : " " + context);
        }
    }

    record Condition(String operator, String key, List<String> values) {
    }

    record Statement(String sid, boolean allow, List<String> actions, List<String> resources,
            List<Condition> conditions) {

        boolean names(String action) {
            return actions.stream().anyMatch(pattern -> IamPolicyDocument.matches(pattern, action));
        }

        boolean hasConditionOn(String key) {
            return conditions.stream().anyMatch(c -> c.key().equalsIgnoreCase(key));
        }

        List<String> conditionValues(String key) {
            return conditions.stream().filter(c -> c.key().equalsIgnoreCase(key)).flatMap(c -> c.values().stream())
                    .toList();
        }

        boolean appliesTo(Request request) {
            return names(request.action())
                    && resources.stream().anyMatch(r -> wildcard(substitute(r, request), request.resource(), true))
                    && conditions.stream().allMatch(c -> holds(c, request));
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * The policies attached to one principal, evaluated together as IAM does for one request: an explicit Deny in any
     * of them wins, else an Allow in any of them.
     */
    static IamPolicy read(List<Path> files) throws IOException {
        List<Statement> statements = new ArrayList<>();
        for (Path file : files) {
            statements.addAll(read(file).statements());
        }
        return new IamPolicy(List.copyOf(statements));
    }

    static IamPolicy read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        List<Statement> statements = new ArrayList<>();
        for (JsonNode node : root.path("Statement")) {
            for (String unsupported : List.of("NotAction", "NotResource", "NotPrincipal", "Principal")) {
                if (node.has(unsupported)) {
                    throw new IllegalArgumentException(file + ": " + unsupported + " is not evaluated here");
                }
            }
            List<Condition> conditions = new ArrayList<>();
            node.path("Condition").properties().forEach(operator -> operator.getValue().properties().forEach(
                    key -> conditions.add(new Condition(operator.getKey(), key.getKey(), strings(key.getValue())))));
            statements.add(new Statement(node.path("Sid").asString(""), "Allow".equals(node.path("Effect").asString()),
                    strings(node.path("Action")), strings(node.path("Resource")), List.copyOf(conditions)));
        }
        return new IamPolicy(List.copyOf(statements));
    }

    Decision decide(Request request) {
        if (statements.stream().anyMatch(s -> !s.allow() && s.appliesTo(request))) {
            return Decision.EXPLICITLY_DENIED;
        }
        return statements.stream().anyMatch(s -> s.allow() && s.appliesTo(request)) ? Decision.ALLOWED
                : Decision.IMPLICITLY_DENIED;
    }

    boolean allows(Request request) {
        return decide(request) == Decision.ALLOWED;
    }

    List<Statement> allowing(String action) {
        return statements.stream().filter(s -> s.allow() && s.names(action)).toList();
    }

    private static boolean holds(Condition condition, Request request) {
        String operator = condition.operator();
        String set = operator.startsWith("ForAllValues:") ? "all" : operator.startsWith("ForAnyValue:") ? "any" : "";
        String qualified = operator.substring(operator.indexOf(':') + 1);
        boolean ifExists = qualified.endsWith("IfExists");
        String base = ifExists ? qualified.substring(0, qualified.length() - "IfExists".length()) : qualified;
        List<String> actual = request.values(condition.key());
        if (base.equals("Null")) {
            return Boolean.parseBoolean(condition.values().get(0)) == (actual == null);
        }
        boolean negated = base.contains("Not");
        if (actual == null) {
            return ifExists || negated || set.equals("all");
        }
        List<String> expected = condition.values().stream().map(v -> substitute(v, request)).toList();
        return switch (set) {
            case "all" -> actual.stream().allMatch(value -> matchesAny(base, expected, value));
            case "any" -> actual.stream().anyMatch(value -> matchesAny(base, expected, value));
            default -> negated ? actual.stream().noneMatch(v -> matchesAny(base.replace("Not", ""), expected, v))
                    : actual.stream().anyMatch(value -> matchesAny(base, expected, value));
        };
    }

    private static boolean matchesAny(String operator, List<String> expected, String value) {
        return expected.stream().anyMatch(e -> switch (operator) {
            case "StringEquals" -> e.equals(value);
            case "StringEqualsIgnoreCase" -> e.equalsIgnoreCase(value);
            case "StringLike", "ArnLike", "ArnEquals" -> wildcard(e, value, true);
            case "Bool" -> e.equalsIgnoreCase(value);
            default -> throw new IllegalArgumentException("condition operator " + operator + " is not evaluated here");
        });
    }

    private static String substitute(String text, Request request) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            List<String> value = request.values(variable.group(1));
            if (value == null || value.size() != 1) {
                throw new IllegalArgumentException("the request has no single value for ${" + variable.group(1) + "}");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value.get(0)));
        }
        return variable.appendTail(out).toString();
    }

    static boolean wildcard(String pattern, String value, boolean caseSensitive) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex, Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE)).matcher(value)
                .matches();
    }

    private static List<String> strings(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asString()));
            return List.copyOf(values);
        }
        return List.of(node.asString());
    }
}
