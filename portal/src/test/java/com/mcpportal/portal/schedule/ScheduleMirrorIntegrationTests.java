package com.mcpportal.portal.schedule;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.network.Network;
import com.mcpportal.portal.network.NetworkInput;
import com.mcpportal.portal.network.Networks;
import com.mcpportal.portal.user.UserAccount;
import org.springframework.test.web.servlet.MockMvc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Keep hours in AWS" on a provisioned environment in the simulated cloud, through the schedule service and the
 * mirrors' pass (called here as the reconcile job calls it): written once turned on, rewritten after a schedule change,
 * drift by hand found at the next check and put right, removed once turned off; each step audited and shown.
 */
@PortalIntegrationTest
class ScheduleMirrorIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ScheduleMirrorService mirrors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    Environments environments;
    long teamId;

    @BeforeEach
    void team() {
        environments = new Environments(context);
        teamId = data.team("Schedule Mirror", data.user("mirror-owner")).getId();
    }

    @Test
    void anEnvironmentInASharedNetworkKeepsNoHoursInAwsAndTurningItOnIsRefusedWithTheReason() throws Exception {
        // Given a draft that asked to keep its hours in AWS, then joined a shared network and was provisioned there
        UserAccount owner = data.user("mirror-net-owner");
        long team = data.team("Mirror Net", owner).getId();
        Environment draft = environments.draft(team, "mirror-net");
        long id = draft.getId();
        schedules.keepHoursInCloud(team, id, true);
        Networks networks = context.getBean(Networks.class);
        Network network = networks.createForTeam(team, new NetworkInput("mirrornet", environments.simulatedAccountId(),
                "eu-central-1", "10.47.0.0/16", 1, false, List.of()));
        networks.addEnvironment(team, network.id(), id);
        Environments.enqueued(environments.operations().requestProvision(id, Actor.user("admin")));
        environments.awaitState(id, EnvironmentState.READY);

        // When the reconcile pass looks at it, then nothing is kept in AWS and its status says why
        mirrors.pass();
        EnvironmentCloud cloud = environments.service().cloudOf(id);
        assertThat(cloud.provider().readScheduleMirror(cloud.ref())).isEmpty();
        assertThat(schedules.mirrorOf(team, id).state()).isEqualTo(MirrorStatus.State.FAILED);
        assertThat(schedules.mirrorOf(team, id).message()).contains("shared network").contains("without its NAT");

        // When its operator turns the option on on the schedule page, then it is refused with the reason
        schedules.keepHoursInCloud(team, id, false);
        mvc.perform(post("/teams/{t}/environments/{e}/schedule/mirror", team, id).param("keep", "true")
                        .with(user(TestData.principal(owner))).with(csrf()))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("keeps its hours in the portal"))));
        assertThat(schedules.mirrorOf(team, id).keepInCloud()).isFalse();
        // and through the API with a 422, as any refused input
        mvc.perform(put("/api/v1/teams/{t}/environments/{e}/schedule/mirror", team, id)
                        .contentType("application/json").content("{\"keepInCloud\": true}")
                        .with(user(TestData.principal(owner))).with(csrf()))
                .andExpect(status().isUnprocessableEntity());
        assertThat(schedules.mirrorOf(team, id).keepInCloud()).isFalse();
    }

    @Test
    void theOptionWritesTheMirrorKeepsItInSyncPutsDriftRightAndRemovesIt() {
        Environment environment = environments.ready(teamId, "mirror");
        long id = environment.getId();
        EnvironmentCloud cloud = environments.service().cloudOf(id);
        assertThat(schedules.mirrorOf(teamId, id).keepInCloud()).isFalse();

        schedules.keepHoursInCloud(teamId, id, true);
        assertThat(schedules.mirrorOf(teamId, id).state()).isEqualTo(MirrorStatus.State.PENDING);
        mirrors.pass();

        assertThat(schedules.mirrorOf(teamId, id).state()).isEqualTo(MirrorStatus.State.IN_SYNC);
        List<MirroredSchedule> written = cloud.provider().readScheduleMirror(cloud.ref());
        assertThat(written).extracting(MirroredSchedule::name).contains("service-on-0800", "nat-off-2010");

        // A schedule change is written by the next pass.
        Schedule evenings = Schedule.weekly(java.time.ZoneId.of("Europe/Berlin"),
                List.of(ScheduleWindow.of(java.time.DayOfWeek.MONDAY, "18:00", "23:00")));
        schedules.replace(teamId, id, evenings);
        assertThat(schedules.mirrorOf(teamId, id).state()).isEqualTo(MirrorStatus.State.PENDING);
        mirrors.pass();
        List<MirroredSchedule> rewritten = cloud.provider().readScheduleMirror(cloud.ref());
        assertThat(rewritten).extracting(MirroredSchedule::name)
                .containsExactlyInAnyOrder("service-on-1800", "service-off-2300", "nat-on-1755", "nat-off-2310");
        assertThat(schedules.mirrorOf(teamId, id).state()).isEqualTo(MirrorStatus.State.IN_SYNC);

        // Someone deletes a schedule in the cloud; the next check (15 minutes on) finds it and writes it back.
        cloud.provider().mirrorSchedule(cloud.ref(), rewritten.stream()
                .filter(s -> !s.name().equals("service-off-2300")).toList());
        mirrors.pass();
        assertThat(cloud.provider().readScheduleMirror(cloud.ref())).hasSize(3); // not yet due
        jdbc.update("UPDATE schedule_mirror SET checked_at = checked_at - interval '16 minutes'"
                + " WHERE environment_id = ?", id);
        mirrors.pass();

        MirrorStatus drifted = schedules.mirrorOf(teamId, id);
        assertThat(drifted.state()).isEqualTo(MirrorStatus.State.DRIFTED);
        assertThat(drifted.message()).isEqualTo("service-off-2300 missing");
        assertThat(new HashSet<>(cloud.provider().readScheduleMirror(cloud.ref()))).isEqualTo(new HashSet<>(rewritten));
        assertThat(audit(id)).containsExactly("schedule.mirror.updated", "schedule.mirror.drift.corrected");

        // The next check finds it in sync again; turning the option off removes it from the cloud.
        jdbc.update("UPDATE schedule_mirror SET checked_at = checked_at - interval '16 minutes'"
                + " WHERE environment_id = ?", id);
        mirrors.pass();
        assertThat(schedules.mirrorOf(teamId, id).state()).isEqualTo(MirrorStatus.State.IN_SYNC);
        schedules.keepHoursInCloud(teamId, id, false);
        mirrors.pass();
        assertThat(cloud.provider().readScheduleMirror(cloud.ref())).isEmpty();
        assertThat(cloud.provider().remainingResources(cloud.ref())).noneMatch(r -> r.arn().contains(":scheduler:"));
        assertThat(audit(id)).containsExactly("schedule.mirror.updated", "schedule.mirror.drift.corrected",
                "schedule.mirror.updated");
    }

    private List<String> audit(long environmentId) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'schedule' AND target_id = ?"
                + " AND action LIKE 'schedule.mirror.%' ORDER BY id", String.class, String.valueOf(environmentId));
    }
}
