package com.mcpportal.portal.isolation;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@link TenantFixture} created.
 *
 * @param pathVariables values for route path variables, by variable name ({@code "environmentId" -> "42"}); the same
 *                      values also go into query, form and JSON parameters of that name, or of the plural
 *                      ({@code environmentIds})
 * @param parameters    values for other parameters that name the team's things in queries and bodies, when their
 *                      name is not a path variable's ({@code "cursor" -> a page position inside the team's events})
 * @param secrets       strings from the victim's data that no response to the attacker may contain (names,
 *                      not numbers: an id like "3" would match everywhere)
 * @param state         reads the victim's data; it must return an equal value after every route was attacked
 */
public record TenantFixtureResult(Map<String, String> pathVariables, Map<String, String> parameters,
                                  Set<String> secrets, Supplier<Object> state) {

    public TenantFixtureResult(Map<String, String> pathVariables, Set<String> secrets, Supplier<Object> state) {
        this(pathVariables, Map.of(), secrets, state);
    }
}
