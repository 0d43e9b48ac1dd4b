package com.mcpportal.portal.cloud.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.HourlyRequests;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.support.PortalRepositoryTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Simulated request figures follow the simulated service's power history: nothing while it did not run. */
@PortalRepositoryTest
class SimulatedMcpMetricsTests {

    private static final EnvironmentRef ENV = new EnvironmentRef(CloudTarget.defaultCredentials("7", "eu-west-1"),
            "traffic1", "Team", "prod");
    private static final Instant NOW = Instant.parse("2026-11-24T12:40:00Z");

    @Autowired
    JdbcTemplate jdbc;

    SimulatedStore store;

    @BeforeEach
    void store() {
        store = new SimulatedStore(jdbc, Clock.systemUTC());
    }

    @Test
    void startingAndStoppingTheServiceIsRecordedOncePerChange() {
        SimulatedCloudProvider cloud = new SimulatedCloudProvider(store,
                new SecretCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                SimulatedSettings.instant(), Clock.systemUTC());
        Network network = cloud.ensureNetwork(ENV, NetworkSpec.defaults());
        var task = cloud.registerTaskDefinition(ENV, new TaskSpec(FargateSize.DEFAULT, Architecture.ARM64, "repo:1",
                8080, "arn:aws:iam::1:role/x", null, Map.of(), null, List.of(), List.of(), Map.of(), "/logs"));
        cloud.ensureService(ENV, new ServiceSpec(cloud.ensureCluster(ENV), task, network,
                cloud.ensureServiceDiscovery(ENV, network), 0, false));

        cloud.scaleService(ENV, 1);
        cloud.scaleService(ENV, 1);
        cloud.scaleService(ENV, 0);
        cloud.scaleService(ENV, 1);
        cloud.deleteService(ENV);

        assertThat(store.scalingHistory(ENV, Instant.now().plusSeconds(1))).extracting(SimulatedMcpMetrics.Scaling::runningCount)
                .containsExactly(1, 0, 1, 0);
    }

    @Test
    void figuresCoverOnlyThePartsOfHoursTheServerRanAndNothingAfterNow() {
        scaled("2026-11-24T09:30:00Z", 1);
        scaled("2026-11-24T11:15:00Z", 0);
        scaled("2026-11-24T12:20:00Z", 1);
        SimulatedMcpMetrics metrics = new SimulatedMcpMetrics(store, Clock.fixed(NOW, ZoneOffset.UTC));

        List<HourlyRequests> hours = metrics.hourlyRequests(ENV, Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T14:00:00Z"));

        assertThat(hours).containsExactly(
                new HourlyRequests(Instant.parse("2026-11-24T08:00:00Z"), 0, 0),
                SimulatedTraffic.hour("traffic1", Instant.parse("2026-11-24T09:00:00Z"), 0.5),
                SimulatedTraffic.hour("traffic1", Instant.parse("2026-11-24T10:00:00Z"), 1),
                SimulatedTraffic.hour("traffic1", Instant.parse("2026-11-24T11:00:00Z"), 0.25),
                SimulatedTraffic.hour("traffic1", Instant.parse("2026-11-24T12:00:00Z"), 20 / 60.0),
                new HourlyRequests(Instant.parse("2026-11-24T13:00:00Z"), 0, 0));
        assertThat(hours.get(2).requests()).isPositive();
        assertThat(metrics.hourlyRequests(ENV, Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T14:00:00Z"))).as("the same on every read").isEqualTo(hours);
    }

    @Test
    void anEnvironmentThatNeverRanHasOnlyZeros() {
        SimulatedMcpMetrics metrics = new SimulatedMcpMetrics(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(metrics.hourlyRequests(ENV, NOW.minusSeconds(24 * 3600), NOW)).hasSize(25)
                .allSatisfy(hour -> assertThat(hour.requests()).isZero());
    }

    @Test
    void theRunningShareOfAnHourFollowsEveryChangeInIt() {
        Instant hour = Instant.parse("2026-11-24T10:00:00Z");
        List<SimulatedMcpMetrics.Scaling> history = List.of(
                new SimulatedMcpMetrics.Scaling(Instant.parse("2026-11-24T09:00:00Z"), 1),
                new SimulatedMcpMetrics.Scaling(Instant.parse("2026-11-24T10:06:00Z"), 0),
                new SimulatedMcpMetrics.Scaling(Instant.parse("2026-11-24T10:30:00Z"), 2),
                new SimulatedMcpMetrics.Scaling(Instant.parse("2026-11-24T10:54:00Z"), 1));

        assertThat(SimulatedMcpMetrics.runningFraction(history, hour, NOW)).isEqualTo(0.6);
        assertThat(SimulatedMcpMetrics.runningFraction(history, hour, Instant.parse("2026-11-24T10:12:00Z")))
                .isEqualTo(0.1);
        assertThat(SimulatedMcpMetrics.runningFraction(history, hour.minusSeconds(7200), NOW)).isZero();
        assertThat(SimulatedMcpMetrics.runningFraction(history, hour.plusSeconds(3600), NOW)).isEqualTo(1);
    }

    private void scaled(String at, int running) {
        jdbc.update("INSERT INTO simulated_service_scaling (environment_id, changed_at, running_count) VALUES (?, ?, ?)",
                ENV.environmentId(), Timestamp.from(Instant.parse(at)), running);
    }
}
