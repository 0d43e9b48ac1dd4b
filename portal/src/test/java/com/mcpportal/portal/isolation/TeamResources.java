package com.mcpportal.portal.isolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Everything every {@link TenantFixture} created in one team: the ids that fill path variables and parameters, the
 * strings only that team's members may see, and a snapshot of the team's data.
 */
record TeamResources(Map<String, String> variables, Map<String, String> parameters, Set<String> secrets,
                     List<Supplier<Object>> states) {

    /** Runs every fixture found under {@code com.mcpportal.portal} in the test sources for the team. */
    static TeamResources createIn(VictimTeam team, ApplicationContext context) {
        Map<String, String> variables = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        List<Supplier<Object>> states = new ArrayList<>();
        for (TenantFixture fixture : fixtures()) {
            TenantFixtureResult created = fixture.createIn(team, context);
            variables.putAll(created.pathVariables());
            parameters.putAll(created.parameters());
            secrets.addAll(created.secrets());
            states.add(created.state());
        }
        return new TeamResources(Collections.unmodifiableMap(variables), Collections.unmodifiableMap(parameters),
                Collections.unmodifiableSet(secrets), List.copyOf(states));
    }

    /** The team's data now, to compare with a later snapshot. */
    List<Object> snapshot() {
        return states.stream().map(Supplier::get).toList();
    }

    /**
     * The value that names one of the team's things in a query, form or JSON parameter of this name, or null: a
     * path variable's name ({@code keyId}) or its plural ({@code environmentIds}), {@code team} for the team,
     * {@code before} and {@code after} for the audit pages' event cursors, or a fixture's own parameter.
     */
    String parameter(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        String singular = name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
        return switch (singular) {
            case "team" -> variables.get("teamId");
            case "before", "after" -> variables.get("eventId");
            default -> variables.get(singular);
        };
    }

    private static List<TenantFixture> fixtures() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TenantFixture.class));
        return scanner.findCandidateComponents("com.mcpportal.portal").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .sorted(Comparator.comparing(Class::getName))
                .map(type -> (TenantFixture) BeanUtils.instantiateClass(type))
                .toList();
    }
}
