package com.mcpportal.portal.environment.update;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;

import org.springframework.stereotype.Component;

/**
 * Updates during off-hours: for teams whose owners turned it on, every environment that runs the server the portal
 * publishes, is ready, off (its schedule stopped it, or someone did) and idle (no operation queued or running), and
 * is behind the server this portal carries ({@link ServerUpdates}) gets "Update server", audited with actor
 * {@code system}. Off, the update publishes and registers the new revision only: the next start runs it, so no
 * running task is touched. An environment that is on waits for its next off-hours; one whose update failed is left
 * FAILED for a person (the pass takes only ready ones), never retried in a loop.
 */
@Component
public class AutoUpdates {

    private static final Logger log = LoggerFactory.getLogger(AutoUpdates.class);

    private final UpdatePolicies policies;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final ServerUpdates updates;

    AutoUpdates(UpdatePolicies policies, EnvironmentService environments, EnvironmentOperations operations,
            ServerUpdates updates) {
        this.policies = policies;
        this.environments = environments;
        this.operations = operations;
        this.updates = updates;
    }

    /** One pass; returns the ids of the environments whose update it queued. */
    public List<Long> updateIdleEnvironments() {
        List<Long> queued = new ArrayList<>();
        for (long teamId : policies.teamsUpdatingAutomatically()) {
            for (Environment environment : environments.listForTeam(teamId)) {
                try {
                    if (due(environment) && operations.requestServerUpdate(environment.getId(), Actor.system(
                            reason(updates.check(environment)))) instanceof OperationRequest.Enqueued) {
                        queued.add(environment.getId());
                    }
                } catch (RuntimeException e) {
                    log.error("Off-hours update: could not update environment {}", environment.getId(), e);
                }
            }
        }
        if (!queued.isEmpty()) {
            log.info("Off-hours update: queued for environments {}", queued);
        }
        return queued;
    }

    private boolean due(Environment environment) {
        return environment.getState() == EnvironmentState.READY && environment.getPower() == EnvironmentPower.OFF
                && environment.getImageSource() == ImageSource.PUBLISHED
                && operations.inFlight(environment.getId()).isEmpty() && updates.check(environment).available();
    }

    private static String reason(ServerUpdate update) {
        return "off-hours update to MCP server " + update.carriedVersion() + " (team policy), from "
                + update.running().version();
    }
}
