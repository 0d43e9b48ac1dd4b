package com.mcpportal.portal.environment.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.MachineImage;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Amazon publishes a newer Amazon Linux AMI (the simulated cloud's test hook, in a region of each test's own): the NAT
 * image check finds the NAT outdated, the page and the drift check say so, and the NAT is replaced from the new AMI
 * while the environment is off (by {@code system}), at the next start before the service (by whoever starts it), or
 * when a person asks; every replacement is audited with the old and new instance and AMI.
 */
@PortalIntegrationTest
class NatPatchIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    NatImageCheck natImages;

    @Autowired
    DriftCheck driftCheck;

    @Autowired
    SimulatedCloudProvider simulated;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    private Environments environments;
    private UserAccount owner;
    private Team team;

    @BeforeEach
    void team() {
        environments = new Environments(context);
        owner = data.user("nat-owner");
        team = data.team("NAT patching", owner);
    }

    @Test
    void aNatOutdatedWhileTheEnvironmentIsOffIsReplacedBySystemAndTheDriftClears() throws Exception {
        Environment environment = stopped(environments.ready(team.getId(), "natoff", "me-central-1"));
        NatInstance before = nat(environment);
        natImages.checkAll();
        assertThat(natImages.latest(environment.getId()).orElseThrow().needsPatch()).isFalse();
        assertThat(operations(environment)).as("nothing to patch while the AMI is current")
                .doesNotContain("PATCH_NAT");

        MachineImage newer = simulated.publishNatImage("me-central-1", Architecture.ARM64);
        assertThat(natImages.check(environment.getId()).orElseThrow().outdated()).isTrue();
        DriftFinding drift = driftCheck.check(environment.getId()).orElseThrow();
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.message()).startsWith("the NAT instance runs AMI " + before.imageId()
                + " (al2023-ami-minimal-2023.").endsWith(", not the latest " + newer.describe());
        mvc.perform(get(page(environment)).with(user(TestData.principal(owner)))).andExpect(content().string(allOf(
                containsString("update available"), containsString(newer.imageId()),
                containsString("the NAT instance runs AMI " + before.imageId()), containsString("Patch NAT now"))));

        assertThat(natImages.checkAll().patchesRequested()).isGreaterThanOrEqualTo(1);
        long patch = jdbc.queryForObject("SELECT id FROM operation WHERE environment_id = ? AND kind = 'PATCH_NAT'",
                Long.class, environment.getId());
        environments.awaitOperation(patch, "SUCCEEDED");

        Environment after = environments.service().get(environment.getId());
        assertThat(after.getPower()).isEqualTo(EnvironmentPower.OFF);
        assertThat(nat(after).instanceId()).isNotEqualTo(before.instanceId());
        assertThat(nat(after).imageId()).isEqualTo(newer.imageId());
        assertThat(nat(after).state()).isEqualTo(NatState.STOPPED);
        assertThat(audit(environment)).containsExactly(
                "environment.patch-nat.requested system",
                "environment.nat.replaced system " + before.instanceId() + " " + before.imageId() + " "
                        + nat(after).instanceId() + " " + newer.imageId(),
                "environment.nat-patched system");
        assertThat(jdbc.queryForObject("SELECT reason FROM operation WHERE id = ?", String.class, patch))
                .startsWith("Amazon Linux AMI " + newer.imageId()).endsWith("replaces the NAT's " + before.imageId());
        await().atMost(Duration.ofSeconds(10)).until(() -> natImages.latest(environment.getId()).orElseThrow()
                .instanceId().equals(nat(after).instanceId()));
        assertThat(driftCheck.check(environment.getId()).orElseThrow().drifted()).isFalse();
        mvc.perform(get(page(environment)).with(user(TestData.principal(owner)))).andExpect(content().string(allOf(
                not(containsString("update available")), not(containsString("Patch NAT now")))));
    }

    @Test
    void anOutdatedNatIsReplacedAtTheNextStartBeforeTheServiceScalesUp() {
        Environment environment = stopped(environments.ready(team.getId(), "natstart", "me-south-1"));
        NatInstance before = nat(environment);
        MachineImage newer = simulated.publishNatImage("me-south-1", Architecture.ARM64);
        natImages.check(environment.getId());

        long start = Environments.enqueued(environments.operations().requestStart(environment.getId(),
                Actor.user("carol")));
        environments.awaitOperation(start, "SUCCEEDED");

        assertThat(jdbc.queryForList("SELECT name || ': ' || state FROM operation_step WHERE operation_id = ?"
                + " ORDER BY position", String.class, start))
                .containsExactly("patch-nat: DONE", "start-nat: DONE", "scale-up: DONE");
        assertThat(jdbc.queryForObject("SELECT detail FROM operation_step WHERE operation_id = ? AND name = ?",
                String.class, start, "patch-nat")).startsWith(before.instanceId() + " (" + before.imageId()
                + ") replaced by ");
        Environment after = environments.service().get(environment.getId());
        assertThat(nat(after).imageId()).isEqualTo(newer.imageId());
        assertThat(nat(after).state()).isEqualTo(NatState.RUNNING);
        assertThat(after.getPower()).isEqualTo(EnvironmentPower.ON);
        assertThat(audit(environment)).contains("environment.nat.replaced carol " + before.instanceId() + " "
                + before.imageId() + " " + nat(after).instanceId() + " " + newer.imageId());
        await().atMost(Duration.ofSeconds(10)).until(() -> !natImages.latest(environment.getId()).orElseThrow()
                .needsPatch());
    }

    @Test
    void anEnvironmentThatIsOnIsLeftToItsNextStartUnlessAPersonPatchesIt() throws Exception {
        Environment environment = environments.ready(team.getId(), "naton", "af-south-1");
        NatInstance before = nat(environment);
        MachineImage newer = simulated.publishNatImage("af-south-1", Architecture.ARM64);

        natImages.checkAll();
        assertThat(operations(environment)).doesNotContain("PATCH_NAT");
        assertThat(driftCheck.check(environment.getId()).orElseThrow().drifted()).isTrue();

        mvc.perform(post(page(environment) + "/patch-nat").with(user(TestData.principal(owner))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        environments.awaitState(environment.getId(), EnvironmentState.READY);

        Environment after = environments.service().get(environment.getId());
        assertThat(operations(environment)).last().isEqualTo("PATCH_NAT SUCCEEDED");
        assertThat(nat(after).imageId()).isEqualTo(newer.imageId());
        assertThat(nat(after).state()).as("patched while on: left running").isEqualTo(NatState.RUNNING);
        assertThat(audit(environment)).containsSubsequence("environment.patch-nat.requested " + owner.getUsername(),
                "environment.nat.replaced " + owner.getUsername() + " " + before.instanceId() + " "
                        + before.imageId() + " " + nat(after).instanceId() + " " + newer.imageId());
    }

    @Test
    void anEnvironmentStartedWhileTheCheckAskedTheCloudIsNotPatchedUnderItsService() {
        Environment asRead = stopped(environments.ready(team.getId(), "natrace", "ap-east-1"));
        assertThat(asRead.getPower()).isEqualTo(EnvironmentPower.OFF);
        long start = Environments.enqueued(environments.operations().requestStart(asRead.getId(),
                Actor.user("carol")));
        environments.awaitOperation(start, "SUCCEEDED");
        NatInstance running = nat(environments.service().get(asRead.getId()));
        simulated.publishNatImage("ap-east-1", Architecture.ARM64);
        NatImageFinding finding = natImages.check(asRead.getId()).orElseThrow();

        boolean requested = natImages.patchIfOff(asRead, finding);

        assertThat(finding.needsPatch()).isTrue();
        assertThat(requested).isFalse();
        assertThat(operations(asRead)).doesNotContain("PATCH_NAT QUEUED", "PATCH_NAT RUNNING", "PATCH_NAT SUCCEEDED");
        Environment after = environments.service().get(asRead.getId());
        assertThat(after.getPower()).isEqualTo(EnvironmentPower.ON);
        assertThat(nat(after).instanceId()).isEqualTo(running.instanceId());
        assertThat(nat(after).state()).isEqualTo(NatState.RUNNING);
        assertThat(audit(asRead)).last().isEqualTo("environment.patch-nat.refused system");
    }

    private Environment stopped(Environment environment) {
        Environments.enqueued(environments.operations().requestStop(environment.getId(), Actor.user("admin")));
        return environments.awaitState(environment.getId(), EnvironmentState.READY);
    }

    private static NatInstance nat(Environment environment) {
        return environment.resources().nat();
    }

    private String page(Environment environment) {
        return "/teams/" + team.getId() + "/environments/" + environment.getId();
    }

    private List<String> operations(Environment environment) {
        return jdbc.queryForList("SELECT kind || ' ' || state FROM operation WHERE environment_id = ? ORDER BY id",
                String.class, environment.getId());
    }

    /** The NAT patching events: action, actor, and for a replacement the old and new instance and AMI. */
    private List<String> audit(Environment environment) {
        return jdbc.queryForList("""
                SELECT action || ' ' || actor || coalesce(' ' || (details ->> 'oldInstance') || ' '
                       || (details ->> 'oldImage') || ' ' || (details ->> 'newInstance') || ' '
                       || (details ->> 'newImage'), '')
                FROM audit_event WHERE target_type = 'environment' AND target_id = ?
                  AND (action LIKE 'environment.%nat%') ORDER BY id""", String.class,
                String.valueOf(environment.getId()));
    }
}
