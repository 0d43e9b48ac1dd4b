package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU autoscaling within the window, in the simulated cloud: with a range set, Stop suspends the service's scaling at
 * a minimum of 0 before it drains it, and Start restores the minimum and runs that many tasks; without one, the
 * service runs one task and no scaling is registered.
 */
@PortalIntegrationTest
class AutoscalingPowerIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void stopSuspendsScalingAtZeroAndStartRestoresTheMinimum() {
        Environments environments = new Environments(context);
        long teamId = data.team("Autoscaling Power", data.user("autoscale-owner")).getId();
        Environment environment = environments.ready(teamId, "scale");
        long id = environment.getId();
        EnvironmentCloud cloud = environments.service().cloudOf(id);
        assertThat(cloud.provider().readAutoscaling(cloud.ref())).as("none until asked for").isEmpty();

        environments.service().setAutoscaling(teamId, id, new TaskRange(2, 4, 60));
        Environments.enqueued(environments.operations().requestStop(id, Actor.user("alice")));
        environments.awaitState(id, EnvironmentState.READY);

        assertThat(cloud.provider().readAutoscaling(cloud.ref())).contains(new AutoscalingState(0, 4, 60, true));
        assertThat(cloud.provider().describe(cloud.ref()).service().desired()).isZero();

        Environments.enqueued(environments.operations().requestStart(id, Actor.user("alice")));
        environments.awaitState(id, EnvironmentState.READY);

        assertThat(cloud.provider().readAutoscaling(cloud.ref())).contains(new AutoscalingState(2, 4, 60, false));
        assertThat(cloud.provider().describe(cloud.ref()).service().desired()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT detail FROM operation_step s JOIN operation o ON o.id = s.operation_id"
                + " WHERE o.environment_id = ? AND s.name = 'scale-up' ORDER BY o.id DESC LIMIT 1", String.class, id))
                .isEqualTo("2 of 2 tasks running; scales on CPU from 2 to 4 tasks around 60 %");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? AND action ="
                + " 'environment.autoscaling.updated'", String.class, String.valueOf(id))).hasSize(1);

        // Back to one task while on: the next stop removes the scalable target (left active, its minimum of 2 would
        // start tasks again after the stop), and the next start runs one task.
        environments.service().setAutoscaling(teamId, id, null);
        Environments.enqueued(environments.operations().requestStop(id, Actor.user("alice")));
        environments.awaitState(id, EnvironmentState.READY);
        assertThat(cloud.provider().readAutoscaling(cloud.ref())).as("no target left to scale it").isEmpty();
        Environments.enqueued(environments.operations().requestStart(id, Actor.user("alice")));
        environments.awaitState(id, EnvironmentState.READY);
        assertThat(cloud.provider().describe(cloud.ref()).service().desired()).isEqualTo(1);
    }
}
