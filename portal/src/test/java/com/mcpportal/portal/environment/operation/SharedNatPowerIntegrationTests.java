package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mcpportal.portal.audit.AuditSentences;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.jobs.QuartzJobs;
import com.mcpportal.portal.network.Network;
import com.mcpportal.portal.network.NetworkInput;
import com.mcpportal.portal.network.Networks;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
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
 * The union schedule of a shared network's NAT instance, through the real Start and Stop operations in the simulated
 * cloud: on while any of its environments is on or starting, stopped by the last one to stop, never stopped under a
 * running (or starting) service, also when operations of two environments run at once; the last stop's NAT stop is
 * deferred by the union schedule's lag (a start inside it cancels it), and a member stuck FAILED with its service at
 * zero does not keep the NAT on. Scheduled starts and stops are these same operations ({@code PowerBatch} queues
 * them), so they follow the same rule.
 */
@PortalIntegrationTest
class SharedNatPowerIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OperationRunner runner;

    @Autowired
    Networks networks;

    @Autowired
    EnvironmentNetworks environmentNetworks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    SharedNatStops natStops;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void theLastEnvironmentToStopStopsTheNatAfterTheLagAndTheFirstToStartStartsItBeforeItsService() throws Exception {
        Pair pair = twoOnInOneNetwork("union", "10.41.0.0/16");
        Environments environments = pair.environments();

        // When one of two is stopped, then the NAT stays on for the other
        stop(pair.alpha());
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(stepDetail(pair.alpha(), "stop-nat")).contains("shared and stays on");

        // When the other is stopped too, then the NAT stays on for the union schedule's lag (10 minutes) ...
        stop(pair.beta());
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(stepDetail(pair.beta(), "stop-nat")).contains("no other environment of network union is on: its"
                + " shared NAT instance stops at").contains("unless one starts before");
        assertThat(pendingNatStop(pair.network())).isBetween(QuartzJobs.schedulerNow().plus(Duration.ofMinutes(9)),
                QuartzJobs.schedulerNow().plus(Duration.ofMinutes(10)));

        // ... and when that is over, the NAT is stopped, and the audit log says why
        firePendingNatStop(pair.network());
        assertThat(natState(pair.network())).isEqualTo("STOPPED");
        assertThat(jdbc.queryForList("SELECT details->>'network' FROM audit_event WHERE action ="
                + " 'environment.shared-nat.stopped' AND target_id = ? AND actor = 'scheduler'", String.class,
                String.valueOf(pair.beta().getId()))).containsExactly("union");

        // When one is started again, then the NAT runs before its service scales up
        Map<String, String> natWhenScaling = new ConcurrentHashMap<>();
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("scale-up")) {
                    natWhenScaling.put(step, natState(pair.network()));
                }
            }
        });
        Environments.enqueued(environments.operations().requestStart(pair.alpha().getId(), Actor.user("admin")));
        environments.awaitState(pair.alpha().getId(), EnvironmentState.READY);
        assertThat(natWhenScaling).containsEntry("scale-up", "RUNNING");
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(runningTasks(pair.alpha())).isEqualTo(1);
    }

    @Test
    void aNetworkWithANatPerZoneRoutesEachZoneToItsOwnAndStopsAndStartsBothWithTheUnionSchedule() throws Exception {
        // Given a network of two zones with a NAT instance per zone, and two environments provisioned into it
        Pair pair = twoOnInOneNetwork("perzone", "10.47.0.0/16", 2, true);
        Environments environments = pair.environments();

        // Then it runs two NAT instances, one in each zone's public subnet
        Map<String, Object> vpc = jdbc.queryForMap("SELECT attributes->>'publicSubnet' AS first, attributes->>"
                + "'secondPublicSubnet' AS second FROM simulated_resource WHERE environment_id = ? AND component ="
                + " 'network'", "network-" + pair.network().id());
        assertThat(natAttribute(pair.network(), "nat-instance", "subnet")).isEqualTo(vpc.get("first"));
        assertThat(natAttribute(pair.network(), "nat-instance-2", "subnet")).isEqualTo(vpc.get("second"));
        assertThat(natAttribute(pair.network(), "nat-instance-2", "zone")).isEqualTo("eu-central-1b");
        // and each environment's first-zone subnet routes to the first NAT, its second-zone subnet to the second
        String firstEni = natAttribute(pair.network(), "nat-instance", "eni");
        String secondEni = natAttribute(pair.network(), "nat-instance-2", "eni");
        assertThat(secondEni).isNotEqualTo(firstEni);
        for (Environment environment : List.of(pair.alpha(), pair.beta())) {
            assertThat(jdbc.queryForMap("SELECT attributes->>'natInterface' AS first, attributes->>"
                    + "'secondNatInterface' AS second FROM simulated_resource WHERE environment_id = ? AND component"
                    + " = 'network'", environment.getCloudId())).containsEntry("first", firstEni)
                    .containsEntry("second", secondEni);
        }
        // and the network is priced for both
        assertThat(pair.network().natInstances()).isEqualTo(2);

        // When both stop and the union schedule's lag is over, then both NAT instances are stopped
        stop(pair.alpha());
        stop(pair.beta());
        assertThat(natStates(pair.network())).containsOnly("RUNNING");
        firePendingNatStop(pair.network());
        await().atMost(Duration.ofSeconds(30)).until(() -> natStates(pair.network()).equals(List.of("STOPPED",
                "STOPPED")));

        // When one starts again, then both run before its service scales up
        Map<String, List<String>> natsWhenScaling = new ConcurrentHashMap<>();
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("scale-up")) {
                    natsWhenScaling.put(step, natStates(pair.network()));
                }
            }
        });
        Environments.enqueued(environments.operations().requestStart(pair.alpha().getId(), Actor.user("admin")));
        environments.awaitState(pair.alpha().getId(), EnvironmentState.READY);
        assertThat(natsWhenScaling).containsEntry("scale-up", List.of("RUNNING", "RUNNING"));
    }

    private String natAttribute(Network network, String component, String key) {
        return jdbc.queryForObject("SELECT attributes->>? FROM simulated_resource WHERE environment_id = ? AND"
                + " component = ?", String.class, key, "network-" + network.id(), component);
    }

    /** The states of the network's NAT instances, the first zone's first. */
    private List<String> natStates(Network network) {
        return jdbc.queryForList("SELECT state FROM simulated_resource WHERE environment_id = ? AND component IN"
                + " ('nat-instance', 'nat-instance-2') ORDER BY component", String.class, "network-" + network.id());
    }

    @Test
    void twoStopsAtOnceStopTheNatExactlyWhenBothServicesAreDrained() throws Exception {
        Pair pair = twoOnInOneNetwork("pairstop", "10.42.0.0/16");

        // Given alpha's stop held before it drains its service
        CountDownLatch releaseAlpha = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("scale-down") && environmentOf(operationId) == pair.alpha().getId()) {
                    awaitQuietly(releaseAlpha);
                }
            }
        });
        long alphaStop = Environments.enqueued(pair.environments().operations().requestStop(pair.alpha().getId(),
                Actor.user("admin")));

        // When beta's stop runs to its end meanwhile, then the NAT stays on: alpha's service still runs
        stop(pair.beta());
        assertThat(runningTasks(pair.alpha())).isEqualTo(1);
        assertThat(natState(pair.network())).isEqualTo("RUNNING");

        // When alpha's stop goes on, then the last one drained stops the NAT (after the lag)
        releaseAlpha.countDown();
        pair.environments().awaitOperation(alphaStop, "SUCCEEDED");
        assertThat(stepDetail(pair.alpha(), "stop-nat")).contains("stops at");
        firePendingNatStop(pair.network());

        // And when both are started and both stops reach their NAT step at the same moment, the NAT is stopped
        start(pair.alpha());
        start(pair.beta());
        CyclicBarrier together = new CyclicBarrier(2);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("stop-nat")) {
                    try {
                        together.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        long first = Environments.enqueued(pair.environments().operations().requestStop(pair.alpha().getId(),
                Actor.user("admin")));
        long second = Environments.enqueued(pair.environments().operations().requestStop(pair.beta().getId(),
                Actor.user("admin")));
        pair.environments().awaitOperation(first, "SUCCEEDED");
        pair.environments().awaitOperation(second, "SUCCEEDED");
        firePendingNatStop(pair.network());
    }

    @Test
    void aStopWhileAnotherStartsLeavesTheNatOnAndAStartWaitsForTheNetworksLock() throws Exception {
        Pair pair = twoOnInOneNetwork("racing", "10.43.0.0/16");
        stop(pair.alpha());

        // Given alpha's start past its NAT step, held before its service scales up
        CountDownLatch releaseAlpha = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("scale-up") && environmentOf(operationId) == pair.alpha().getId()) {
                    awaitQuietly(releaseAlpha);
                }
            }
        });
        long alphaStart = Environments.enqueued(pair.environments().operations().requestStart(pair.alpha().getId(),
                Actor.user("admin")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(stepState(alphaStart, "start-nat")));

        // When beta, the only one on, is stopped, then the NAT stays on for alpha's start
        stop(pair.beta());
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(stepDetail(pair.beta(), "stop-nat")).contains("stays on");
        releaseAlpha.countDown();
        pair.environments().awaitOperation(alphaStart, "SUCCEEDED");
        assertThat(runningTasks(pair.alpha())).isEqualTo(1);
        assertThat(natState(pair.network())).isEqualTo("RUNNING");

        // Given the NAT stopped by the last stop, and the network's lock held (as a stop deciding does)
        runner.observeWith(null);
        stop(pair.alpha());
        firePendingNatStop(pair.network());
        CountDownLatch releaseLock = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<Object> held = holder.submit(() -> environmentNetworks.exclusively(pair.network().id(), () -> {
                locked.countDown();
                awaitQuietly(releaseLock);
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            // When alpha is started, then its NAT step waits, the NAT stays stopped and its service at zero
            long start = Environments.enqueued(pair.environments().operations().requestStart(pair.alpha().getId(),
                    Actor.user("admin")));
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of("RUNNING", "DONE")
                    .contains(stepState(start, "start-nat")));
            await("alpha's NAT step waiting for the network's lock, the NAT stopped").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3)).until(() -> "STOPPED".equals(natState(pair.network()))
                            && !"DONE".equals(stepState(start, "start-nat")));
            assertThat(runningTasks(pair.alpha())).isZero();

            // and once the lock is free, the NAT is started before the service
            releaseLock.countDown();
            held.get(10, TimeUnit.SECONDS);
            pair.environments().awaitOperation(start, "SUCCEEDED");
            assertThat(natState(pair.network())).isEqualTo("RUNNING");
            assertThat(runningTasks(pair.alpha())).isEqualTo(1);
        } finally {
            releaseLock.countDown();
            holder.shutdownNow();
        }
    }

    @Test
    void aMemberStuckFailedWithItsServiceDrainedDoesNotKeepTheNatOn() {
        Pair pair = twoOnInOneNetwork("stuck", "10.44.0.0/16");

        // Given alpha's stop failing after its service drained, at its NAT step: alpha stays FAILED
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("stop-nat") && environmentOf(operationId) == pair.alpha().getId()) {
                    throw new IllegalStateException("simulated crash at the NAT step");
                }
            }
        });
        long alphaStop = Environments.enqueued(pair.environments().operations().requestStop(pair.alpha().getId(),
                Actor.user("admin")));
        pair.environments().awaitOperation(alphaStop, "FAILED");
        runner.observeWith(null);
        assertThat(pair.environments().service().get(pair.alpha().getId()).getState())
                .isEqualTo(EnvironmentState.FAILED);
        assertThat(runningTasks(pair.alpha())).isZero();

        // When beta, the only one whose service runs, is stopped, then the NAT's stop is due after the lag
        stop(pair.beta());
        assertThat(stepDetail(pair.beta(), "stop-nat")).contains("no other environment of network stuck is on");
        assertThat(natState(pair.network())).isEqualTo("RUNNING");

        // and when it is due, the NAT stops: the failed alpha, its service at zero, does not need it
        firePendingNatStop(pair.network());
        assertThat(natState(pair.network())).isEqualTo("STOPPED");
    }

    @Test
    void aStartInsideTheLagCancelsTheDeferredStopAndAStopDueWhileAMemberRunsLeavesTheNatOn() throws Exception {
        Pair pair = twoOnInOneNetwork("lag", "10.45.0.0/16");
        stop(pair.alpha());
        stop(pair.beta());
        assertThat(pendingNatStop(pair.network())).isNotNull();

        // When alpha is started inside the lag, then the deferred stop is dropped and the NAT never stopped
        start(pair.alpha());
        assertThat(pendingNatStop(pair.network())).isNull();
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action ="
                + " 'environment.shared-nat.stopped' AND details->>'network' = 'lag'", Integer.class)).isZero();

        // When a deferred stop comes due anyway while alpha runs (e.g. stored before alpha's start committed),
        // then it asks again under the network's lock and leaves the NAT on
        natStops.stopIfUnneeded(pair.network().id(), pair.beta().getId());
        assertThat(natState(pair.network())).isEqualTo("RUNNING");
        assertThat(runningTasks(pair.alpha())).isEqualTo(1);
    }

    @Test
    void aNatStopThatFailsForGoodIsShownOnTheNetworksPageAuditedOnceAndTriedAgainUntilItStops() throws Exception {
        Pair pair = twoOnInOneNetwork("stopfail", "10.46.0.0/16");
        stop(pair.alpha());
        stop(pair.beta());
        assertThat(pendingNatStop(pair.network())).isNotNull();

        // Given the NAT instance terminated by hand: no live NAT carries the network's tag, an error asking again at
        // once cannot cure (the AWS adapter answers INVALID_REQUEST, as the simulated cloud does here)
        setNatState(pair.network(), "TERMINATED");

        // When the deferred stop comes due, then it fails, is audited, and is stored again for an hour later
        natStops.stopIfUnneeded(pair.network().id(), pair.beta().getId());
        assertThat(natState(pair.network())).isEqualTo("TERMINATED");
        assertThat(pendingNatStop(pair.network())).as("the stop is tried again")
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(stopAudits(pair.network(), "FAILURE")).singleElement().asString()
                .contains("has no NAT instance").contains("tries again in 60 min");
        // and the network's page says the NAT still runs, why, and when the portal tries again
        String page = mvc.perform(get("/admin/networks/{n}", pair.network().id())
                .with(user(TestData.principal(data.admin())))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"nat-stop-failure\"").contains("could not be stopped")
                .contains("has no NAT instance").contains("id=\"nat-stop-retry\"");

        // When it fails again, then it is tried again but not audited twice
        natStops.stopIfUnneeded(pair.network().id(), pair.beta().getId());
        assertThat(pendingNatStop(pair.network())).isNotNull();
        assertThat(stopAudits(pair.network(), "FAILURE")).hasSize(1);

        // When the network has a NAT instance again (as the next provision into it would launch) and the retry comes
        // due, then the NAT stops, the page no longer shows the failure, and the stop is audited as a later attempt
        setNatState(pair.network(), "RUNNING");
        firePendingNatStop(pair.network());
        await().atMost(Duration.ofSeconds(30)).until(() -> !stopAudits(pair.network(), "SUCCESS").isEmpty());
        assertThat(stopAudits(pair.network(), "SUCCESS")).singleElement().asString()
                .contains("on a later attempt");
        assertThat(mvc.perform(get("/admin/networks/{n}", pair.network().id())
                .with(user(TestData.principal(data.admin())))).andReturn().getResponse().getContentAsString())
                .doesNotContain("nat-stop-failure");
    }

    /** The audit log's sentences of the network's shared NAT stops with the outcome, in order. */
    private List<String> stopAudits(Network network, String outcome) {
        return jdbc.query("SELECT actor, outcome, target_type, target_id, details::text FROM audit_event WHERE action"
                        + " = 'environment.shared-nat.stopped' AND outcome = ? AND details->>'network' = ? ORDER BY id",
                (rs, row) -> AuditSentences.of("environment.shared-nat.stopped", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), outcome, network.name());
    }

    private void setNatState(Network network, String state) {
        jdbc.update("UPDATE simulated_resource SET state = ? WHERE environment_id = ? AND component = 'nat-instance'",
                state, "network-" + network.id());
    }

    private Instant pendingNatStop(Network network) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(natStopTrigger(network));
        return trigger == null ? null : trigger.getNextFireTime().toInstant();
    }

    /** Makes the network's deferred NAT stop due now, as Quartz would after the lag, and waits for the NAT to stop. */
    private void firePendingNatStop(Network network) {
        try {
            Trigger trigger = scheduler.getTrigger(natStopTrigger(network));
            assertThat(trigger).as("a deferred stop of network %s's NAT", network.name()).isNotNull();
            scheduler.rescheduleJob(trigger.getKey(), trigger.getTriggerBuilder().startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(natState(network)));
    }

    private static TriggerKey natStopTrigger(Network network) {
        return TriggerKey.triggerKey("network-" + network.id(), SharedNatStops.GROUP);
    }

    private Pair twoOnInOneNetwork(String name, String cidr) {
        return twoOnInOneNetwork(name, cidr, 1, false);
    }

    private Pair twoOnInOneNetwork(String name, String cidr, int zones, boolean natPerZone) {
        Team team = data.team("Nat " + name, data.user(name + "-owner"));
        Environments environments = new Environments(context);
        Network network = networks.createForTeam(team.getId(), new NetworkInput(name,
                environments.simulatedAccountId(), "eu-central-1", cidr, zones, natPerZone, List.of()));
        Environment alpha = environments.draft(team.getId(), "alpha");
        Environment beta = environments.draft(team.getId(), "beta");
        networks.addEnvironment(team.getId(), network.id(), alpha.getId());
        networks.addEnvironment(team.getId(), network.id(), beta.getId());
        for (Environment environment : List.of(alpha, beta)) {
            Environments.enqueued(environments.operations().requestProvision(environment.getId(),
                    Actor.user("admin")));
            environments.awaitState(environment.getId(), EnvironmentState.READY);
        }
        assertThat(natState(network)).isEqualTo("RUNNING");
        return new Pair(environments, network, environments.service().get(alpha.getId()),
                environments.service().get(beta.getId()));
    }

    private void stop(Environment environment) {
        Environments environments = new Environments(context);
        environments.awaitOperation(Environments.enqueued(environments.operations().requestStop(environment.getId(),
                Actor.user("admin"))), "SUCCEEDED");
    }

    private void start(Environment environment) {
        Environments environments = new Environments(context);
        environments.awaitOperation(Environments.enqueued(environments.operations().requestStart(environment.getId(),
                Actor.user("admin"))), "SUCCEEDED");
    }

    private long environmentOf(long operationId) {
        return jdbc.queryForObject("SELECT environment_id FROM operation WHERE id = ?", Long.class, operationId);
    }

    private String natState(Network network) {
        return jdbc.queryForObject("SELECT state FROM simulated_resource WHERE environment_id = ? AND component = ?",
                String.class, "network-" + network.id(), "nat-instance");
    }

    private int runningTasks(Environment environment) {
        return jdbc.queryForObject("SELECT (attributes->>'runningCount')::int FROM simulated_resource"
                + " WHERE environment_id = ? AND component = 'ecs-service'", Integer.class, environment.getCloudId());
    }

    private String stepState(long operationId, String step) {
        return jdbc.queryForObject("SELECT state FROM operation_step WHERE operation_id = ? AND name = ?",
                String.class, operationId, step);
    }

    private String stepDetail(Environment environment, String step) {
        return jdbc.queryForObject("SELECT s.detail FROM operation_step s JOIN operation o ON o.id = s.operation_id"
                + " WHERE o.environment_id = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1", String.class,
                environment.getId(), step);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pair(Environments environments, Network network, Environment alpha, Environment beta) {
    }
}
