package com.mcpportal.portal.isolation;

import org.springframework.context.ApplicationContext;

/**
 * Supplies the tenant-isolation test with resources owned by the victim team, one implementation per feature.
 *
 * <p>Any concrete class implementing this interface anywhere under {@code com.mcpportal.portal} in the test
 * sources is found and instantiated (public no-argument constructor) by {@link TenantIsolationIntegrationTests}.
 * A feature that adds a route with a new path variable, say {@code /teams/{teamId}/environments/{environmentId}},
 * adds a fixture that creates an environment in the victim team and returns its id under
 * {@code "environmentId"}. See {@link TeamTenantFixture} for the shape.
 */
public interface TenantFixture {

    /**
     * Creates this feature's resources in the victim team (through the application's own services or SQL).
     *
     * @param victim  the team the caller does not belong to
     * @param context the running portal, for looking up services
     * @return path variable values, the strings that must never appear in the caller's responses, and a
     *         snapshot function whose value must be the same before and after the attack
     */
    TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context);
}
