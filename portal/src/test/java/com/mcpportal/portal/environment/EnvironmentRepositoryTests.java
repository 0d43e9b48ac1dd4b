package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.support.PortalRepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Environment storage and its constraints on the real (embedded) PostgreSQL with the Flyway schema. */
@PortalRepositoryTest
class EnvironmentRepositoryTests {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    EnvironmentRepository environments;

    @Autowired
    JdbcTemplate jdbc;

    long teamId;
    long accountId;

    @BeforeEach
    void team() {
        teamId = jdbc.queryForObject("INSERT INTO team (name, created_at) VALUES (?, now()) RETURNING id", Long.class,
                "Repo " + System.nanoTime());
        accountId = jdbc.queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class);
    }

    @Test
    void aFreshPortalHasOneSimulatedCloudAccount() {
        assertThat(jdbc.queryForList("SELECT name || ' ' || mode FROM cloud_account", String.class))
                .containsExactly("Simulated SIMULATED");
    }

    @Test
    void namesAreUniqueInATeamRegardlessOfCase() {
        environments.saveAndFlush(new Environment(teamId, "c1", input("Prod"), NOW));

        assertThat(environments.existsByTeamIdAndNameIgnoreCaseAndStateNot(teamId, "PROD", EnvironmentState.DELETED))
                .isTrue();
        assertThatThrownBy(() -> environments.saveAndFlush(new Environment(teamId, "c2", input("prod"), NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aDeletedEnvironmentsNameCanBeUsedAgain() {
        Environment first = environments.saveAndFlush(new Environment(teamId, "c1", input("Prod"), NOW));
        first.moveTo(EnvironmentState.DELETED, NOW);
        environments.saveAndFlush(first);

        environments.saveAndFlush(new Environment(teamId, "c3", input("prod"), NOW));

        assertThat(environments.findByTeamIdAndStateNotOrderByNameAsc(teamId, EnvironmentState.DELETED))
                .extracting(Environment::getCloudId).containsExactly("c3");
    }

    @Test
    void resourcesAreStoredAsJsonAndReadBack() {
        Environment environment = new Environment(teamId, "c4", input("json"), NOW);
        CloudResources resources = CloudResources.NONE.withIngress(new Ingress("api0", "vl0", "int0",
                "https://api0.execute-api.eu-central-1.amazonaws.com"));
        environment.recordResources(resources);
        environments.saveAndFlush(environment);

        assertThat(jdbc.queryForObject("SELECT resources->'ingress'->>'apiId' FROM environment WHERE id = ?",
                String.class, environment.getId())).isEqualTo("api0");
        assertThat(environments.findById(environment.getId()).orElseThrow().resources()).isEqualTo(resources);
    }

    @Test
    void theDatabaseRefusesFargateSpotOnArm() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO environment (team_id, cloud_account_id, cloud_id, name, region, cpu, memory_mib, architecture,
                    image_source, nat_instance_type, nat_spot, fargate_spot, log_retention_days, state, created_at,
                    updated_at) VALUES (?, ?, 'c5', 'spot', 'eu-central-1', 256, 512, 'ARM64', 'REPOSITORY',
                    't4g.nano', false, true, 7, 'DRAFT', now(), now())""", teamId, accountId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private EnvironmentInput input(String name) {
        return new EnvironmentInput(name, accountId, "eu-central-1", FargateSize.DEFAULT, Architecture.ARM64,
                ImageSource.REPOSITORY, "latest", null, "t4g.nano", false, false, 7, List.of(), null);
    }
}
