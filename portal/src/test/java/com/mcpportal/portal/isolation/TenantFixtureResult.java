package com.mcpportal.portal.isolation;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@link TenantFixture} created.
 *
 * @param pathVariables values for route path variables, by variable name ({@code "environmentId" -> "42"})
 * @param secrets       strings from the victim's data that no response to the attacker may contain (names,
 *                      not numbers: an id like "3" would match everywhere)
 * @param state         reads the victim's data; it must return an equal value after every route was attacked
 */
public record TenantFixtureResult(Map<String, String> pathVariables, Set<String> secrets, Supplier<Object> state) {
}
