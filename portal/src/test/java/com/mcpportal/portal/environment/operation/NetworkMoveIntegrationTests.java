package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mcpportal.portal.api.ApiAuth;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.network.Network;
import com.mcpportal.portal.network.NetworkInput;
import com.mcpportal.portal.network.NetworkMoves;
import com.mcpportal.portal.network.Networks;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Moving a provisioned environment into a shared network and back out, through the real operation in the simulated
 * cloud: the network's NAT started before the service moves in, the endpoint kept, its own VPC and NAT gone; counted
 * by the network's NAT from the request, by its members (schedule, cost split) only once the move is done; out again
 * with its own network, the network kept and its NAT let go when nobody needs it; and a move refused beside the field
 * while another operation runs, with nothing recorded.
 */
@PortalIntegrationTest
class NetworkMoveIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OperationRunner runner;

    @Autowired
    Networks networks;

    @Autowired
    NetworkMoves moves;

    @Autowired
    EnvironmentNetworks environmentNetworks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void anEnvironmentMovesIntoASharedNetworkWithItsNatStartedFirstAndBackOutLeavingTheNetworkStanding() {
        Team team = data.team("Movers", data.user("mover-owner"));
        Environments environments = new Environments(context);
        Network network = networks.createForTeam(team.getId(), new NetworkInput("landing",
                environments.simulatedAccountId(), "eu-central-1", "10.51.0.0/16", 1, false, List.of()));
        Environment member = environments.draft(team.getId(), "member");
        networks.addEnvironment(team.getId(), network.id(), member.getId());
        environments.awaitOperation(Environments.enqueued(environments.operations().requestProvision(member.getId(),
                Actor.user("admin"))), "SUCCEEDED");
        member = environments.service().get(member.getId());
        Environment mover = environments.ready(team.getId(), "mover");
        String endpoint = mover.resources().mcpUrl();
        String ownVpc = mover.resources().network().vpcId();
        // Given the network's only member stopped, and its NAT stopped after the union schedule's lag
        environments.awaitOperation(Environments.enqueued(environments.operations().requestStop(member.getId(),
                Actor.user("admin"))), "SUCCEEDED");
        firePendingNatStop(network);
        // and the environment keeps its hours in AWS too, its mirror written (it starts and stops its own NAT)
        jdbc.update("INSERT INTO schedule_mirror (environment_id, keep_in_cloud, status, updated_by, updated_at)"
                + " VALUES (?, TRUE, 'IN_SYNC', 'test', now()) ON CONFLICT (environment_id) DO UPDATE"
                + " SET keep_in_cloud = TRUE, status = 'IN_SYNC'", mover.getId());

        // When the environment that is on is moved into the network
        Map<String, Object> whenServiceMoves = new ConcurrentHashMap<>();
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("move-service")) {
                    whenServiceMoves.put("nat", natState(network));
                    whenServiceMoves.put("members", networks.environmentsIn(network.id()).stream()
                            .map(Environment::getId).toList());
                    whenServiceMoves.put("natCounts", environmentNetworks.environmentsIn(network.id()));
                }
            }
        });
        long moveIn = Environments.enqueued(moves.requestMove(team.getId(), mover.getId(), network.id(),
                Actor.user("mover-owner")));
        environments.awaitOperation(moveIn, "SUCCEEDED");

        // Then the network's NAT ran before its service moved in, which the NAT counted but the members did not yet
        assertThat(whenServiceMoves).containsEntry("nat", "RUNNING");
        assertThat(whenServiceMoves.get("members")).asList().containsExactly(member.getId());
        assertThat(whenServiceMoves.get("natCounts")).asList().contains(member.getId(), mover.getId());
        // and it runs in the network's VPC with a subnet and group of its own, its own VPC and NAT gone, same endpoint
        Environment in = environments.service().get(mover.getId());
        assertThat(in.getState()).isEqualTo(EnvironmentState.READY);
        assertThat(in.resources().network().vpcId()).isEqualTo(member.resources().network().vpcId())
                .isNotEqualTo(ownVpc);
        assertThat(in.resources().network().privateSubnetId()).isNotEqualTo(member.resources().network()
                .privateSubnetId());
        assertThat(in.resources().network().serviceSecurityGroupId()).isNotEqualTo(member.resources().network()
                .serviceSecurityGroupId());
        assertThat(in.resources().nat().instanceId()).isEqualTo(member.resources().nat().instanceId());
        assertThat(in.resources().mcpUrl()).isEqualTo(endpoint);
        assertThat(environments.simulatedResources(in)).doesNotContainKeys("nat-instance", "network-next")
                .containsEntry("network", in.resources().network().privateSubnetId());
        assertThat(serviceAttribute(in, "subnet")).isEqualTo(in.resources().network().privateSubnetId());
        assertThat(serviceAttribute(in, "securityGroup")).isEqualTo(in.resources().network().serviceSecurityGroupId());
        // and from now it is a member, with the next free range
        assertThat(networks.environmentsIn(network.id())).extracting(Environment::getId)
                .containsExactly(member.getId(), mover.getId());
        assertThat(networks.subnets(network.id())).containsEntry(mover.getId(), "10.51.2.0/24");
        assertThat(stepDetail(moveIn, "move-nat")).contains("running before the service moves in");
        assertThat(stepDetail(moveIn, "move-service")).contains("one new deployment");
        assertThat(stepDetail(moveIn, "leave-network")).contains("NAT instance deleted");
        assertThat(jdbc.queryForList("SELECT details->>'to' FROM audit_event WHERE action ="
                + " 'environment.move-network.requested' AND target_id = ?", String.class,
                String.valueOf(mover.getId()))).containsExactly("network landing (10.51.2.0/24)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'environment.network-moved'"
                + " AND target_id = ?", Integer.class, String.valueOf(mover.getId()))).isEqualTo(1);
        // and its mirror is due to be written again (without its own NAT, which is gone)
        await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING".equals(jdbc.queryForObject(
                "SELECT status FROM schedule_mirror WHERE environment_id = ?", String.class, mover.getId())));

        // When it is moved out again, while the other member is off
        long moveOut = Environments.enqueued(moves.requestMove(team.getId(), mover.getId(), null,
                Actor.user("mover-owner")));
        environments.awaitOperation(moveOut, "SUCCEEDED");

        // Then it has a network and NAT of its own again, with the same endpoint
        Environment out = environments.service().get(mover.getId());
        assertThat(out.resources().network().vpcId()).isNotEqualTo(member.resources().network().vpcId());
        assertThat(environments.simulatedResources(out)).containsEntry("network", out.resources().network().vpcId())
                .containsEntry("nat-instance", out.resources().nat().instanceId()).doesNotContainKey("network-next");
        assertThat(out.resources().mcpUrl()).isEqualTo(endpoint);
        assertThat(serviceAttribute(out, "subnet")).isEqualTo(out.resources().network().privateSubnetId());
        // and the network is kept with its other member, its NAT let go after the lag as nobody needs it now
        assertThat(networks.environmentsIn(network.id())).extracting(Environment::getId)
                .containsExactly(member.getId());
        assertThat(environmentNetworks.networkOf(mover.getId())).isEmpty();
        assertThat(networkRows(network)).containsOnlyKeys("network", "nat-instance");
        assertThat(stepDetail(moveOut, "leave-network")).contains("the network stays")
                .contains("no other environment needs its NAT");
        firePendingNatStop(network);
    }

    @Test
    void aMoveIsRefusedBesideTheFieldWhileAnotherOperationRunsAndNothingIsRecorded() throws Exception {
        UserAccount owner = data.user("busy-owner");
        Team team = data.team("Busy Movers", owner);
        Environments environments = new Environments(context);
        Network network = networks.createForTeam(team.getId(), new NetworkInput("busy",
                environments.simulatedAccountId(), "eu-central-1", "10.52.0.0/16", 1, false, List.of()));
        Environment environment = environments.ready(team.getId(), "busy");

        // Given a stop held before it drains the service
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("scale-down")) {
                    awaitQuietly(release);
                }
            }
        });
        long stop = Environments.enqueued(environments.operations().requestStop(environment.getId(),
                Actor.user("admin")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(stepState(stop, "scale-down")));
        try {
            // When its owner asks to move it, then it is refused, with the reason for the field
            String page = "/teams/" + team.getId() + "/environments/" + environment.getId();
            mvc.perform(post(page + "/move-network").param("networkId", String.valueOf(network.id()))
                            .with(user(TestData.principal(owner))).with(csrf()))
                    .andExpect(redirectedUrl(page))
                    .andExpect(flash().attribute("moveNetworkError", containsString(
                            "Another operation (stop) is in progress")));
            // and over the API too: a 409 busy
            mvc.perform(post("/api/v1" + page + "/move-network").contentType("application/json")
                            .content("{\"networkId\":" + network.id() + "}")
                            .with(ApiAuth.as(TestData.principal(owner))))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("Another operation (stop) is in progress")));
            // and nothing is recorded: it is not moving into the network, and the refusal is audited
            assertThat(jdbc.queryForObject("SELECT count(*) FROM network_environment WHERE environment_id = ?",
                    Integer.class, environment.getId())).isZero();
            assertThat(jdbc.queryForList("SELECT details->>'why' FROM audit_event WHERE action ="
                    + " 'environment.move-network.refused' AND target_id = ?", String.class,
                    String.valueOf(environment.getId()))).hasSize(2).allSatisfy(why -> assertThat(why)
                            .contains("in progress"));
            // and the page shows it beside the field, with what a move does and how long it interrupts the service
            mvc.perform(get(page).flashAttr("moveNetworkError", "Another operation (stop) is in progress on this"
                            + " environment; try again when it has finished.").with(user(TestData.principal(owner))))
                    .andExpect(content().string(containsString("id=\"networkId-error\"")))
                    .andExpect(content().string(containsString("Another operation (stop) is in progress")))
                    .andExpect(content().string(containsString("shared network busy (10.52.0.0/16)")))
                    .andExpect(content().string(containsString("about 1-3 minutes")));
        } finally {
            release.countDown();
        }
        environments.awaitOperation(stop, "SUCCEEDED");

        // When the API asks for it now, then the move is queued (202) and runs
        String moved = mvc.perform(post("/api/v1/teams/" + team.getId() + "/environments/" + environment.getId()
                        + "/move-network").contentType("application/json").content("{\"networkId\":" + network.id()
                        + "}").with(ApiAuth.as(TestData.principal(owner))))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        assertThat(moved).contains("\"kind\":\"MOVE_NETWORK\"");
        environments.awaitState(environment.getId(), EnvironmentState.READY);
        await().atMost(Duration.ofSeconds(30)).until(() -> networks.environmentsIn(network.id()).stream()
                .anyMatch(member -> member.getId().equals(environment.getId())));

        // and a draft cannot be moved: it joins a network from the network's page
        Environment draft = environments.draft(team.getId(), "draft");
        assertThat(moves.requestMove(team.getId(), draft.getId(), network.id(), Actor.user("busy-owner")))
                .isInstanceOf(OperationRequest.Refused.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM network_environment WHERE environment_id = ?",
                Integer.class, draft.getId())).isZero();
    }

    @Test
    void aMoveThatFailsResumesAtItsStepOnRetryAndCannotBeProvisionedOverMeanwhile() {
        Team team = data.team("Retrying Movers", data.user("retry-owner"));
        Environments environments = new Environments(context);
        Network network = networks.createForTeam(team.getId(), new NetworkInput("retry",
                environments.simulatedAccountId(), "eu-central-1", "10.53.0.0/16", 1, false, List.of()));
        Environment environment = environments.ready(team.getId(), "retry");

        // Given a move whose service step fails once (ECS refuses the update)
        AtomicBoolean failOnce = new AtomicBoolean(true);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("move-service") && failOnce.getAndSet(false)) {
                    throw new CloudException(CloudErrorKind.ACCESS_DENIED, step, "ecs", "AccessDeniedException",
                            "not authorized to perform ecs:UpdateService", null);
                }
            }
        });
        long move = Environments.enqueued(moves.requestMove(team.getId(), environment.getId(), network.id(),
                Actor.user("retry-owner")));
        environments.awaitOperation(move, "FAILED");

        // Then it is not a member yet, and provisioning it (which would mix the two networks) is refused
        assertThat(environments.service().get(environment.getId()).getState()).isEqualTo(EnvironmentState.FAILED);
        assertThat(networks.environmentsIn(network.id())).isEmpty();
        assertThat(environments.operations().requestProvision(environment.getId(), Actor.user("admin")))
                .isInstanceOfSatisfying(OperationRequest.Refused.class, refused -> assertThat(refused.message())
                        .contains("network move of this environment did not finish"));

        // When it is retried, then it resumes at the step that failed and completes the move
        Environments.enqueued(environments.operations().retry(environment.getId(), Actor.user("admin")));
        environments.awaitOperation(move, "SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT attempts FROM operation_step WHERE operation_id = ? AND name ="
                + " 'move-network'", Integer.class, move)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM operation_step WHERE operation_id = ? AND name ="
                + " 'move-service'", Integer.class, move)).isEqualTo(2);
        assertThat(networks.environmentsIn(network.id())).extracting(Environment::getId)
                .containsExactly(environment.getId());
        assertThat(environments.simulatedResources(environments.service().get(environment.getId())))
                .doesNotContainKeys("nat-instance", "network-next");
    }

    /** Makes the network's deferred NAT stop due now, as Quartz would after the lag, and waits for the NAT to stop. */
    private void firePendingNatStop(Network network) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("network-" + network.id(),
                    SharedNatStops.GROUP));
            assertThat(trigger).as("a deferred stop of network %s's NAT", network.name()).isNotNull();
            scheduler.rescheduleJob(trigger.getKey(), trigger.getTriggerBuilder().startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(natState(network)));
    }

    private String natState(Network network) {
        return jdbc.queryForObject("SELECT state FROM simulated_resource WHERE environment_id = ? AND component = ?",
                String.class, "network-" + network.id(), "nat-instance");
    }

    private Map<String, Object> networkRows(Network network) {
        Map<String, Object> rows = new java.util.TreeMap<>();
        jdbc.query("SELECT component, resource_id FROM simulated_resource WHERE environment_id = ?",
                rs -> { rows.put(rs.getString(1), rs.getString(2)); }, "network-" + network.id());
        return rows;
    }

    private String serviceAttribute(Environment environment, String key) {
        return jdbc.queryForObject("SELECT attributes->>? FROM simulated_resource WHERE environment_id = ?"
                + " AND component = 'ecs-service'", String.class, key, environment.getCloudId());
    }

    private String stepState(long operationId, String step) {
        return jdbc.queryForObject("SELECT state FROM operation_step WHERE operation_id = ? AND name = ?",
                String.class, operationId, step);
    }

    private String stepDetail(long operationId, String step) {
        return jdbc.queryForObject("SELECT detail FROM operation_step WHERE operation_id = ? AND name = ?",
                String.class, operationId, step);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
