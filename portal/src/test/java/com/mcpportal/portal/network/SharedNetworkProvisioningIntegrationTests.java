package com.mcpportal.portal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.drift.DriftCheck;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two environments provisioned into one shared network through the real operations, in the simulated cloud: one VPC
 * and NAT instance (the network's, made by the first) and each environment's own subnet from the range it was given
 * when it joined; Stop leaves the shared NAT on; deprovisioning them leaves the network, which only deleting it
 * removes, and not while an environment is still in it.
 */
@PortalIntegrationTest
class SharedNetworkProvisioningIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    Networks networks;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoEnvironmentsProvisionIntoOneNetworkShareItsNatAndLeaveItStanding() throws Exception {
        UserAccount owner = data.user("shared-owner");
        Team team = data.team("Shared Provisioners", owner);
        Environments environments = new Environments(context);
        com.mcpportal.portal.network.Network network = networks.createForTeam(team.getId(), new NetworkInput(
                "platform", environments.simulatedAccountId(), "eu-central-1", "10.31.0.0/16", 1, false, List.of()));
        Environment alpha = environments.draft(team.getId(), "alpha");
        Environment beta = environments.draft(team.getId(), "beta");
        networks.addEnvironment(team.getId(), network.id(), alpha.getId());
        networks.addEnvironment(team.getId(), network.id(), beta.getId());

        // When both are provisioned
        provision(environments, alpha);
        provision(environments, beta);
        alpha = environments.awaitState(alpha.getId(), EnvironmentState.READY);
        beta = environments.awaitState(beta.getId(), EnvironmentState.READY);

        // Then they share the network's VPC and NAT instance, each with its own subnet and security group
        Network alphaNet = alpha.resources().network();
        Network betaNet = beta.resources().network();
        assertThat(betaNet.vpcId()).isEqualTo(alphaNet.vpcId());
        assertThat(betaNet.publicSubnetId()).isEqualTo(alphaNet.publicSubnetId());
        assertThat(betaNet.privateSubnetId()).isNotEqualTo(alphaNet.privateSubnetId());
        assertThat(betaNet.serviceSecurityGroupId()).isNotEqualTo(alphaNet.serviceSecurityGroupId());
        assertThat(beta.resources().nat().instanceId()).isEqualTo(alpha.resources().nat().instanceId());
        assertThat(networkRows(network)).containsOnlyKeys("network", "nat-instance");
        assertThat(environments.simulatedResources(alpha)).containsKey("network").doesNotContainKey("nat-instance");
        assertThat(stepDetail(alpha, "network")).contains("shared network platform").contains("10.31.1.0/24");
        assertThat(stepDetail(beta, "network")).contains("10.31.2.0/24");
        // and the environment page names its network and subnet
        mvc.perform(get("/teams/{t}/environments/{e}", team.getId(), alpha.getId())
                        .with(user(TestData.principal(owner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shared network")))
                .andExpect(content().string(containsString(">platform</a>")))
                .andExpect(content().string(containsString("10.31.1.0/24")));
        // and the network page gives each environment's subnet
        mvc.perform(get("/teams/{t}/networks/{n}", team.getId(), network.id()).with(user(TestData.principal(owner))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("subnet 10.31.1.0/24")))
                .andExpect(content().string(containsString("subnet 10.31.2.0/24")));

        // and the drift check leaves the network's NAT out: an environment without a NAT of its own is no drift
        assertThat(context.getBean(DriftCheck.class).check(alpha.getId())).get()
                .satisfies(finding -> assertThat(finding.drifted()).as(finding.message()).isFalse());

        // When one is stopped, then the shared NAT stays on for the other
        Environments.enqueued(environments.operations().requestStop(alpha.getId(), Actor.user("admin")));
        environments.awaitState(alpha.getId(), EnvironmentState.READY);
        assertThat(natState(network)).isEqualTo("RUNNING");
        assertThat(stepDetail(alpha, "stop-nat")).contains("shared and stays on");

        // When the first is deprovisioned, then only its own part goes
        Environments.enqueued(environments.operations().requestDeprovision(alpha.getId(), Actor.user("admin")));
        environments.awaitState(alpha.getId(), EnvironmentState.DELETED);
        assertThat(environments.simulatedResources(alpha)).isEmpty();
        assertThat(environments.simulatedResources(beta)).containsKey("network");
        assertThat(networkRows(network)).containsOnlyKeys("network", "nat-instance");

        // and the network cannot be deleted under the other
        assertThatThrownBy(() -> networks.deleteForTeam(team.getId(), network.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("still has 1 environment");
        assertThat(networkRows(network)).hasSize(2);

        // When the last is deprovisioned, then the network stays until it is deleted on purpose
        Environments.enqueued(environments.operations().requestDeprovision(beta.getId(), Actor.user("admin")));
        environments.awaitState(beta.getId(), EnvironmentState.DELETED);
        assertThat(networkRows(network)).containsOnlyKeys("network", "nat-instance");
        networks.deleteForTeam(team.getId(), network.id());
        assertThat(networkRows(network)).isEmpty();
        assertThat(networks.usableBy(team.getId())).isEmpty();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE 'network.%'"
                + " ORDER BY id", String.class, team.getId())).containsExactly("network.created",
                "network.environment.added", "network.environment.added", "network.deleted");
    }

    @Test
    void aDraftThatJoinedWithoutARangeGetsTheNextFreeOneOnceAndKeepsIt() {
        UserAccount owner = data.user("range-owner");
        Team team = data.team("Range Keepers", owner);
        Environments environments = new Environments(context);
        com.mcpportal.portal.network.Network network = networks.createForTeam(team.getId(), new NetworkInput(
                "ranges", environments.simulatedAccountId(), "eu-central-1", "10.32.0.0/22", 1, false, List.of()));
        Environment first = environments.draft(team.getId(), "first");
        Environment legacy = environments.draft(team.getId(), "legacy");
        networks.addEnvironment(team.getId(), network.id(), first.getId());
        // A draft that joined before ranges were recorded
        jdbc.update("INSERT INTO network_environment (environment_id, network_id, joined_at) VALUES (?, ?, now())",
                legacy.getId(), network.id());
        NetworkPlacements placements = context.getBean(NetworkPlacements.class);

        assertThat(placements.networkOf(legacy.getId())).get().satisfies(p -> assertThat(p.privateSubnetCidr()).isNull());
        String given = placements.placementOf(legacy.getId()).orElseThrow().privateSubnetCidr();
        assertThat(given).isEqualTo("10.32.2.0/24");
        assertThat(placements.placementOf(legacy.getId()).orElseThrow().privateSubnetCidr()).isEqualTo(given);
        assertThat(placements.placementOf(first.getId()).orElseThrow().privateSubnetCidr()).isEqualTo("10.32.1.0/24");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? AND action ="
                + " 'network.environment.subnet-allocated'", String.class, String.valueOf(network.id()))).hasSize(1);

        // and a /22 holds the public subnet and three environments: a fourth is refused beside the field
        Environment third = environments.draft(team.getId(), "third");
        networks.addEnvironment(team.getId(), network.id(), third.getId());
        Environment fourth = environments.draft(team.getId(), "fourth");
        assertThatThrownBy(() -> networks.addEnvironment(team.getId(), network.id(), fourth.getId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no free /24 range");
    }

    @Test
    void whileOneProvisionMakesANetworksResourcesAnotherOneForTheSameNetworkWaits() throws Exception {
        NetworkPlacements placements = context.getBean(NetworkPlacements.class);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Given one provision inside the network's lock (making its VPC and NAT instance)
            Future<Object> first = pool.submit(() -> placements.exclusively(991_001L, () -> {
                inside.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            // When another asks for the same network, then it waits; another network's is not held up
            Future<Object> second = pool.submit(() -> placements.exclusively(991_001L, () -> {
                secondRan.set(true);
                return null;
            }));
            assertThat(placements.exclusively(991_002L, () -> "free")).isEqualTo("free");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilFalse(secondRan);

            // and once the first is done, the second goes on
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(secondRan).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void inANetworkOfTwoZonesEachEnvironmentGetsASubnetPerZoneAndItsServiceAndVpcLinkSpanBoth() {
        // Given a network of two zones (one NAT instance for both) with two environments in it
        UserAccount owner = data.user("twozone-owner");
        Team team = data.team("Two Zones", owner);
        Environments environments = new Environments(context);
        com.mcpportal.portal.network.Network network = networks.createForTeam(team.getId(), new NetworkInput(
                "twozones", environments.simulatedAccountId(), "eu-central-1", "10.33.0.0/16", 2, false, List.of()));
        Environment alpha = environments.draft(team.getId(), "tz-alpha");
        Environment beta = environments.draft(team.getId(), "tz-beta");
        networks.addEnvironment(team.getId(), network.id(), alpha.getId());
        networks.addEnvironment(team.getId(), network.id(), beta.getId());

        // When both are provisioned
        provision(environments, alpha);
        provision(environments, beta);
        alpha = environments.awaitState(alpha.getId(), EnvironmentState.READY);
        beta = environments.awaitState(beta.getId(), EnvironmentState.READY);

        // Then each has a range per zone, none given twice and none of the two public subnets' (10.33.0/1)
        List<String> ranges = new java.util.ArrayList<>();
        for (Environment environment : List.of(alpha, beta)) {
            Map<String, Object> row = jdbc.queryForMap("SELECT private_subnet_cidr, second_private_subnet_cidr FROM"
                    + " network_environment WHERE environment_id = ?", environment.getId());
            assertThat(row.values()).doesNotContainNull();
            row.values().forEach(range -> ranges.add(range.toString()));
        }
        assertThat(ranges).doesNotHaveDuplicates().doesNotContain("10.33.0.0/24", "10.33.1.0/24");
        // and the network has a second zone, and each environment's service and VPC link span its two subnets
        assertThat(attribute("network-" + network.id(), "network", "secondZone")).isEqualTo("eu-central-1b");
        for (Environment environment : List.of(alpha, beta)) {
            String subnets = attribute(environment.getCloudId(), "ecs-service", "subnets");
            assertThat(subnets.split(",")).hasSize(2).doesNotHaveDuplicates();
            assertThat(attribute(environment.getCloudId(), "http-api", "vpcLinkSubnets")).isEqualTo(subnets);
            assertThat(attribute(environment.getCloudId(), "network", "secondZone")).isEqualTo("eu-central-1b");
        }
        assertThat(jdbc.queryForList("SELECT detail FROM operation_step s JOIN operation o ON o.id = s.operation_id"
                + " WHERE o.environment_id = ? AND s.name = 'network'", String.class, alpha.getId()))
                .anySatisfy(detail -> assertThat(detail).contains("eu-central-1a and eu-central-1b")
                        .contains("its own subnets"));
    }

    private String attribute(String owner, String component, String key) {
        return jdbc.queryForObject("SELECT attributes->>? FROM simulated_resource WHERE environment_id = ? AND"
                + " component = ?", String.class, key, owner, component);
    }

    private static void provision(Environments environments, Environment environment) {
        Environments.enqueued(environments.operations().requestProvision(environment.getId(), Actor.user("admin")));
    }

    private Map<String, Object> networkRows(com.mcpportal.portal.network.Network network) {
        Map<String, Object> rows = new java.util.TreeMap<>();
        jdbc.query("SELECT component, resource_id FROM simulated_resource WHERE environment_id = ?",
                rs -> { rows.put(rs.getString(1), rs.getString(2)); }, "network-" + network.id());
        return rows;
    }

    private String natState(com.mcpportal.portal.network.Network network) {
        return jdbc.queryForObject("SELECT state FROM simulated_resource WHERE environment_id = ? AND component = ?",
                String.class, "network-" + network.id(), "nat-instance");
    }

    private String stepDetail(Environment environment, String step) {
        return jdbc.queryForObject("SELECT s.detail FROM operation_step s JOIN operation o ON o.id = s.operation_id"
                + " WHERE o.environment_id = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1", String.class,
                environment.getId(), step);
    }
}
