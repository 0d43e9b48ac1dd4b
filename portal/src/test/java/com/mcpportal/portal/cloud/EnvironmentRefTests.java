package com.mcpportal.portal.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvironmentRefTests {

    private final CloudTarget target = CloudTarget.defaultCredentials("acct", "eu-central-1");

    @Test
    void namesResourcesFromTheIdAlone() {
        EnvironmentRef env = new EnvironmentRef(target, "Env-42", "Team", "Name");

        assertThat(env.resourceName()).isEqualTo("mcp-env-42");
        assertThat(new EnvironmentRef(target, "Env-42", "Other team", "renamed").resourceName())
                .isEqualTo(env.resourceName());
    }

    @Test
    void tagsCarryTheEnvironmentTeamNameAndComponent() {
        assertThat(new EnvironmentRef(target, "42", "Payments", "prod").tags("vpc"))
                .containsExactly(
                        java.util.Map.entry("Name", "Payments/prod vpc"),
                        java.util.Map.entry("mcp-portal:environment-id", "42"),
                        java.util.Map.entry("mcp-portal:team", "Payments"),
                        java.util.Map.entry("mcp-portal:managed-by", "mcp-portal"),
                        java.util.Map.entry("mcp-portal:component", "vpc"));
    }

    @Test
    void replacesCharactersThatAwsTagValuesDoNotAllow() {
        EnvironmentRef env = new EnvironmentRef(target, "42", "R&D <team>", "prod #1");

        assertThat(env.tags("vpc").get("mcp-portal:team")).isEqualTo("R_D _team_");
        assertThat(env.tags("vpc").get("Name")).isEqualTo("R_D _team_/prod _1 vpc");
    }

    @Test
    void refusesIdsThatCannotBeResourceNames() {
        assertThatThrownBy(() -> new EnvironmentRef(target, "a/b", "t", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
    }

    @Test
    void aBlankRoleMeansTheDefaultCredentials() {
        assertThat(new CloudTarget("a", "us-east-1", " ", "").assumesRole()).isFalse();
        assertThat(new CloudTarget("a", "us-east-1", "arn:aws:iam::1:role/x", null).assumesRole()).isTrue();
    }
}
