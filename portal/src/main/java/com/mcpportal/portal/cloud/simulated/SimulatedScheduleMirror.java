package com.mcpportal.portal.cloud.simulated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;

/**
 * The schedules the simulated cloud keeps for an environment: a schedule-group resource whose details list them,
 * shown with the environment's other simulated resources and counted by {@code remainingResources}. Nothing fires
 * them (the portal's own triggers run the simulated cloud); they show what EventBridge Scheduler would hold.
 */
final class SimulatedScheduleMirror {

    static final String SCHEDULE_GROUP = "schedule-group";

    private final SimulatedStore store;

    SimulatedScheduleMirror(SimulatedStore store) {
        this.store = store;
    }

    void mirror(EnvironmentRef env, List<MirroredSchedule> schedules) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MirroredSchedule schedule : schedules) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", schedule.name());
            row.put("expression", schedule.expression());
            row.put("timezone", schedule.timezone());
            row.put("action", schedule.action().name());
            row.put("startDate", schedule.startDate() == null ? null : schedule.startDate().toString());
            row.put("endDate", schedule.endDate() == null ? null : schedule.endDate().toString());
            rows.add(row);
        }
        Map<String, Object> attributes = SimulatedStore.attributes("schedules", rows);
        if (store.find(env, SCHEDULE_GROUP).isPresent()) {
            store.update(env, SCHEDULE_GROUP, "ACTIVE", attributes);
        } else {
            String name = env.resourceName();
            store.insert(env, new SimulatedResource(SCHEDULE_GROUP, name,
                    SimulatedIds.arn(env, "scheduler", "schedule-group/" + name), "ACTIVE", attributes));
        }
    }

    List<MirroredSchedule> read(EnvironmentRef env) {
        List<MirroredSchedule> schedules = new ArrayList<>();
        store.find(env, SCHEDULE_GROUP).ifPresent(group -> {
            if (group.attributes().get("schedules") instanceof List<?> rows) {
                for (Object row : rows) {
                    Map<?, ?> fields = (Map<?, ?>) row;
                    schedules.add(new MirroredSchedule((String) fields.get("name"), (String) fields.get("expression"),
                            (String) fields.get("timezone"), MirrorAction.valueOf((String) fields.get("action")),
                            instant(fields.get("startDate")), instant(fields.get("endDate"))));
                }
            }
        });
        return schedules;
    }

    void delete(EnvironmentRef env) {
        store.delete(env, SCHEDULE_GROUP);
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse(text.toString());
    }
}
