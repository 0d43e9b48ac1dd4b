package com.mcpportal.portal.cloud.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * An environment's schedules in EventBridge Scheduler: one schedule group per environment (named like its other
 * resources and tagged with it), holding exactly the schedules the portal asks for. Each has a universal target that
 * calls EC2 or ECS directly (no Lambda in between): {@code ec2:startInstances}/{@code stopInstances} on the NAT
 * instance, {@code ecs:updateService} with a desired count of 1 or 0 on the service. Schedules cannot carry tags, so
 * the group is what ties them to the environment.
 */
final class ScheduleMirrorResources {

    static final String START_INSTANCES = "arn:aws:scheduler:::aws-sdk:ec2:startInstances";
    static final String STOP_INSTANCES = "arn:aws:scheduler:::aws-sdk:ec2:stopInstances";
    static final String UPDATE_SERVICE = "arn:aws:scheduler:::aws-sdk:ecs:updateService";
    /** A start or stop that could not be delivered within 5 minutes is dropped: the next edge may be that close. */
    static final int MAXIMUM_EVENT_AGE_SECONDS = 300;
    static final int MAXIMUM_RETRY_ATTEMPTS = 10;

    private static final Pattern DESIRED_COUNT = Pattern.compile("\"DesiredCount\"\\s*:\\s*(\\d+)");

    private final NatResources nat;

    ScheduleMirrorResources(NatResources nat) {
        this.nat = nat;
    }

    /** What one schedule looks like in EventBridge Scheduler; equal records need no update. */
    private record Written(String expression, String timezone, Instant startDate, Instant endDate, boolean enabled,
            String targetArn, String input, String roleArn) {

        static Written of(GetScheduleResponse s) {
            Target target = s.target();
            return new Written(s.scheduleExpression(), s.scheduleExpressionTimezone(), s.startDate(), s.endDate(),
                    s.state() == ScheduleState.ENABLED, target == null ? null : target.arn(),
                    target == null ? null : target.input(), target == null ? null : target.roleArn());
        }
    }

    static String groupName(EnvironmentRef env) {
        return env.resourceName();
    }

    /** Makes the group hold exactly {@code wanted}: creates, updates what differs, deletes the rest. */
    void mirror(SchedulerClient scheduler, Ec2Client ec2, EnvironmentRef env, List<MirroredSchedule> wanted,
            String roleArn) {
        String group = groupName(env);
        ensureGroup(scheduler, env, group);
        Map<String, Written> existing = existing(scheduler, group);
        String natId = natInstanceId(ec2, env);
        for (MirroredSchedule schedule : wanted) {
            Written written = written(schedule, env, natId, roleArn);
            Written now = existing.remove(schedule.name());
            if (written.equals(now)) {
                continue;
            }
            if (now == null) {
                scheduler.createSchedule(r -> r.groupName(group).name(schedule.name())
                        .scheduleExpression(written.expression()).scheduleExpressionTimezone(written.timezone())
                        .startDate(written.startDate()).endDate(written.endDate()).state(ScheduleState.ENABLED)
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .actionAfterCompletion(schedule.oneTime() ? ActionAfterCompletion.DELETE : null)
                        .description(description(env, schedule)).target(target(written)));
            } else {
                scheduler.updateSchedule(r -> r.groupName(group).name(schedule.name())
                        .scheduleExpression(written.expression()).scheduleExpressionTimezone(written.timezone())
                        .startDate(written.startDate()).endDate(written.endDate()).state(ScheduleState.ENABLED)
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .actionAfterCompletion(schedule.oneTime() ? ActionAfterCompletion.DELETE : null)
                        .description(description(env, schedule)).target(target(written)));
            }
        }
        for (String unwanted : existing.keySet()) {
            AwsErrors.ignoringNotFound(() -> scheduler.deleteSchedule(r -> r.groupName(group).name(unwanted)));
        }
    }

    /**
     * The schedules that will act for the environment, as the portal's values: enabled ones whose target is one the
     * portal writes for it. A schedule disabled or pointed elsewhere by hand is left out, so it reads as missing.
     */
    List<MirroredSchedule> read(SchedulerClient scheduler, Ec2Client ec2, EnvironmentRef env) {
        String group = groupName(env);
        Map<String, Written> existing;
        try {
            existing = existing(scheduler, group);
        } catch (ResourceNotFoundException noGroup) {
            return List.of();
        }
        String natId = existing.isEmpty() ? null : natInstanceId(ec2, env);
        List<MirroredSchedule> schedules = new ArrayList<>();
        existing.forEach((name, written) -> {
            MirrorAction action = actionOf(written);
            if (written.enabled() && action != null) {
                MirroredSchedule schedule = new MirroredSchedule(name, written.expression(), written.timezone(),
                        action, written.startDate(), written.endDate());
                if (written(schedule, env, natId, written.roleArn()).input().equals(written.input())) {
                    schedules.add(schedule);
                }
            }
        });
        return schedules;
    }

    /** Deletes every schedule of the environment, then its group; what is not there is done. */
    void delete(SchedulerClient scheduler, EnvironmentRef env) {
        String group = groupName(env);
        Map<String, Written> existing;
        try {
            existing = existing(scheduler, group);
        } catch (ResourceNotFoundException noGroup) {
            return;
        }
        for (String name : existing.keySet()) {
            AwsErrors.ignoringNotFound(() -> scheduler.deleteSchedule(r -> r.groupName(group).name(name)));
        }
        AwsErrors.ignoringNotFound(() -> scheduler.deleteScheduleGroup(r -> r.name(group)));
    }

    private static void ensureGroup(SchedulerClient scheduler, EnvironmentRef env, String group) {
        try {
            scheduler.getScheduleGroup(r -> r.name(group));
        } catch (ResourceNotFoundException missing) {
            scheduler.createScheduleGroup(r -> r.name(group).tags(env.tags("schedules").entrySet().stream()
                    .map(t -> software.amazon.awssdk.services.scheduler.model.Tag.builder().key(t.getKey())
                            .value(t.getValue()).build())
                    .toList()));
        }
    }

    private static Map<String, Written> existing(SchedulerClient scheduler, String group) {
        Map<String, Written> existing = new LinkedHashMap<>();
        for (ScheduleSummary summary : scheduler.listSchedulesPaginator(r -> r.groupName(group)).schedules()) {
            try {
                existing.put(summary.name(), Written.of(scheduler.getSchedule(r -> r.groupName(group)
                        .name(summary.name()))));
            } catch (ResourceNotFoundException deletedMeanwhile) {
                // a one-time schedule that has just run and been deleted by EventBridge
            }
        }
        // ListSchedules answers a group that does not exist with an empty page: ask for the group itself.
        if (existing.isEmpty()) {
            scheduler.getScheduleGroup(r -> r.name(group));
        }
        return existing;
    }

    private String natInstanceId(Ec2Client ec2, EnvironmentRef env) {
        return nat.current(ec2, env, nat.live(ec2, env)).map(Instance::instanceId).orElse(null);
    }

    private static Written written(MirroredSchedule schedule, EnvironmentRef env, String natId, String roleArn) {
        String name = env.resourceName();
        String input = switch (schedule.action()) {
            case START_NAT, STOP_NAT -> "{\"InstanceIds\":[\"" + Objects.requireNonNullElse(natId, "") + "\"]}";
            case START_SERVICE -> "{\"Cluster\":\"" + name + "\",\"Service\":\"" + name + "\",\"DesiredCount\":1}";
            case STOP_SERVICE -> "{\"Cluster\":\"" + name + "\",\"Service\":\"" + name + "\",\"DesiredCount\":0}";
        };
        String arn = switch (schedule.action()) {
            case START_NAT -> START_INSTANCES;
            case STOP_NAT -> STOP_INSTANCES;
            case START_SERVICE, STOP_SERVICE -> UPDATE_SERVICE;
        };
        return new Written(schedule.expression(), schedule.timezone(), schedule.startDate(), schedule.endDate(), true,
                arn, input, roleArn);
    }

    private static Target target(Written written) {
        return Target.builder().arn(written.targetArn()).roleArn(written.roleArn()).input(written.input())
                .retryPolicy(p -> p.maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                        .maximumRetryAttempts(MAXIMUM_RETRY_ATTEMPTS))
                .build();
    }

    private static MirrorAction actionOf(Written written) {
        if (written.targetArn() == null) {
            return null;
        }
        return switch (written.targetArn()) {
            case START_INSTANCES -> MirrorAction.START_NAT;
            case STOP_INSTANCES -> MirrorAction.STOP_NAT;
            case UPDATE_SERVICE -> {
                Matcher count = DESIRED_COUNT.matcher(Objects.requireNonNullElse(written.input(), ""));
                yield !count.find() ? null : "0".equals(count.group(1)) ? MirrorAction.STOP_SERVICE
                        : MirrorAction.START_SERVICE;
            }
            default -> null;
        };
    }

    private static String description(EnvironmentRef env, MirroredSchedule schedule) {
        return "mcp-portal keeps " + env.resourceName() + "'s hours: " + schedule.action().name().toLowerCase()
                .replace('_', ' ');
    }
}
