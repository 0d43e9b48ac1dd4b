package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.aws.sdk.AwsCallLog;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.MirrorSettings;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleMirrors;
import com.mcpportal.portal.schedule.ScheduleWindow;

import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * An environment's hours kept in EventBridge Scheduler by the real AWS adapter, against moto (which stores schedules
 * and groups as EventBridge does but never fires them: what a schedule does when it fires is its target, asserted as
 * written): created with the account's scheduler role, changed when a window is edited, drift by hand seen and put
 * right, and removed with nothing left in the group and the group gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsScheduleMirrorTests {

    private static final String REGION = "ap-southeast-2";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    private AwsCloudProvider cloud;
    private AwsClients aws;
    private EnvironmentRef env;
    private String natId;
    private Instant now;

    @BeforeAll
    void anEnvironmentWithANatInstance() throws IOException {
        env = new EnvironmentRef(CloudTarget.defaultCredentials("moto", REGION), "mirr" + System.nanoTime() % 1_000_000,
                "Platform", "mirror");
        cloud = moto.provider(moto.settings(Duration.ofSeconds(2)), ImageSettings.defaults());
        aws = moto.clients(REGION);
        String boundary = Files.readString(IamPolicyDocument.iamFile("scheduler-role-boundary.json"));
        try {
            aws.iam().createPolicy(r -> r.path("/mcp-portal/").policyName("mcp-portal-scheduler-boundary")
                    .policyDocument(boundary));
        } catch (EntityAlreadyExistsException createdByAnEarlierRun) {
            // moto's IAM is global to its process
        }
        natId = cloud.ensureNatInstance(env, cloud.ensureNetwork(env, NetworkSpec.defaults()), NatSpec.defaults())
                .instanceId();
        now = Instant.now().plus(Duration.ofMinutes(10));
    }

    @Test
    @Order(1)
    void theWorkingWeekWithAHolidayIsWrittenAsTheTranslationSaysWithTargetsOnThisEnvironment() {
        LocalDate holiday = LocalDate.ofInstant(now, BERLIN).plusDays(3);
        List<MirroredSchedule> wanted = ScheduleMirrors.translate(Schedule.defaultFor(BERLIN)
                .withExceptions(List.of(DateException.off(holiday))), now, MirrorSettings.DEFAULTS);

        cloud.mirrorSchedule(env, wanted);

        assertThat(cloud.readScheduleMirror(env)).containsExactlyInAnyOrderElementsOf(wanted);
        GetScheduleResponse start = schedule("service-on-0800");
        assertThat(start.scheduleExpression()).isEqualTo("cron(0 8 ? * MON,TUE,WED,THU,FRI *)");
        assertThat(start.scheduleExpressionTimezone()).isEqualTo("Europe/Berlin");
        assertThat(start.flexibleTimeWindow().modeAsString()).isEqualTo("OFF");
        assertThat(start.target().arn()).isEqualTo("arn:aws:scheduler:::aws-sdk:ecs:updateService");
        assertThat(start.target().input()).isEqualTo("{\"Cluster\":\"" + env.resourceName() + "\",\"Service\":\""
                + env.resourceName() + "\",\"DesiredCount\":1}");
        assertThat(start.target().roleArn()).endsWith(":role/mcp-portal/mcp-portal-scheduler");
        assertThat(start.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(300);
        GetScheduleResponse natStop = schedule("nat-off-2010");
        assertThat(natStop.target().arn()).isEqualTo("arn:aws:scheduler:::aws-sdk:ec2:stopInstances");
        assertThat(natStop.target().input()).isEqualTo("{\"InstanceIds\":[\"" + natId + "\"]}");
        assertThat(wanted).anyMatch(m -> m.endDate() != null).anyMatch(m -> m.startDate() != null);
        assertThat(aws.scheduler().getScheduleGroup(r -> r.name(env.resourceName())).arn()).contains(":schedule-group/");
        assertThat(aws.iam().getRole(r -> r.roleName("mcp-portal-scheduler")).role().assumeRolePolicyDocument())
                .contains("scheduler.amazonaws.com");
        assertThat(aws.iam().getRolePolicy(r -> r.roleName("mcp-portal-scheduler").policyName("mcp-portal-power"))
                .policyDocument()).contains("ec2%3AStartInstances").contains("ecs%3AUpdateService");
    }

    @Test
    @Order(2)
    void anEditedWindowUpdatesAndDeletesWhatChangedAndLeavesTheRest() {
        Schedule edited = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "20:00"),
                ScheduleWindow.of(DayOfWeek.FRIDAY, "09:00", "13:00")));
        List<MirroredSchedule> wanted = ScheduleMirrors.translate(edited, now, MirrorSettings.DEFAULTS);
        cloud.mirrorSchedule(env, wanted);

        assertThat(cloud.readScheduleMirror(env)).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(names()).containsExactlyInAnyOrderElementsOf(wanted.stream().map(MirroredSchedule::name).toList())
                .contains("service-on-0900", "service-off-1300");
        assertThat(schedule("service-on-0800").scheduleExpression()).isEqualTo("cron(0 8 ? * MON *)");
    }

    @Test
    @Order(3)
    void aScheduleDeletedAndOneEditedByHandReadAsDriftAndTheNextMirrorPutsThemRight() {
        List<MirroredSchedule> wanted = cloud.readScheduleMirror(env);
        String group = env.resourceName();
        aws.scheduler().deleteSchedule(r -> r.groupName(group).name("service-off-2000"));
        GetScheduleResponse natOn = schedule("nat-on-0755");
        aws.scheduler().updateSchedule(r -> r.groupName(group).name("nat-on-0755").scheduleExpression(
                "cron(55 9 ? * MON *)").scheduleExpressionTimezone(natOn.scheduleExpressionTimezone())
                .flexibleTimeWindow(natOn.flexibleTimeWindow()).target(natOn.target()).state(natOn.state()));

        List<MirroredSchedule> drifted = cloud.readScheduleMirror(env);

        assertThat(drifted).isNotEqualTo(wanted);
        assertThat(drifted).extracting(MirroredSchedule::name).doesNotContain("service-off-2000");
        assertThat(drifted).filteredOn(m -> m.name().equals("nat-on-0755")).extracting(MirroredSchedule::expression)
                .containsExactly("cron(55 9 ? * MON *)");

        List<AwsCallLog.Call> correction = AwsCallLog.during(() -> cloud.mirrorSchedule(env, wanted));

        assertThat(cloud.readScheduleMirror(env)).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(correction).extracting(AwsCallLog.Call::operation)
                .filteredOn(op -> op.matches("(Create|Update|Delete)Schedule"))
                .containsExactlyInAnyOrder("CreateSchedule", "UpdateSchedule");
        assertThat(AwsCallLog.during(() -> cloud.mirrorSchedule(env, wanted))).extracting(AwsCallLog.Call::operation)
                .as("a mirror in sync is only read").allMatch(op -> op.startsWith("Get") || op.startsWith("List")
                        || op.startsWith("Describe") || op.equals("PutRolePolicy"));
    }

    @Test
    @Order(4)
    void removalLeavesNothingInTheGroupAndDeletesTheGroup() {
        cloud.deleteScheduleMirror(env);

        assertThat(cloud.readScheduleMirror(env)).isEmpty();
        assertThat(aws.scheduler().listSchedules(r -> r.groupName(env.resourceName())).schedules()).isEmpty();
        assertThatThrownBy(() -> aws.scheduler().getScheduleGroup(r -> r.name(env.resourceName())))
                .isInstanceOf(ResourceNotFoundException.class);
        cloud.deleteScheduleMirror(env); // and again: nothing there is done
    }

    private GetScheduleResponse schedule(String name) {
        return aws.scheduler().getSchedule(r -> r.groupName(env.resourceName()).name(name));
    }

    private List<String> names() {
        return aws.scheduler().listSchedules(r -> r.groupName(env.resourceName())).schedules().stream()
                .map(ScheduleSummary::name).toList();
    }

}
