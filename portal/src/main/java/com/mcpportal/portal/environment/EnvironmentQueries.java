package com.mcpportal.portal.environment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cloud.account.CloudAccountUsage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may ask about environments without reading the environment table: which cloud accounts and
 * regions they use, which teams have any, which are in given states. Read-only.
 */
@Component
@Transactional(readOnly = true)
public class EnvironmentQueries implements CloudAccountUsage {

    private final EnvironmentRepository environments;

    EnvironmentQueries(EnvironmentRepository environments) {
        this.environments = environments;
    }

    @Override
    public long environmentsIn(long cloudAccountId) {
        return environments.countByCloudAccountId(cloudAccountId);
    }

    @Override
    public long liveEnvironmentsIn(long cloudAccountId) {
        return environments.countByCloudAccountIdAndStateNot(cloudAccountId, EnvironmentState.DELETED);
    }

    /** An environment by id, whichever team it belongs to (the caller checks who may see it). */
    public Optional<Environment> find(long environmentId) {
        return environments.findById(environmentId);
    }

    /** Every environment that is not deleted, by id. */
    public List<EnvironmentPlacement> placements() {
        return environments.placements(EnvironmentState.DELETED);
    }

    /** The teams with at least one environment that is not deleted. */
    public List<Long> teamsWithEnvironments() {
        return environments.teamsWithEnvironmentsNotIn(EnvironmentState.DELETED);
    }

    /** The ids of the environments in the given states, in order. */
    public List<Long> idsIn(Collection<EnvironmentState> states) {
        return environments.findIdsByStateIn(states);
    }

    /** The ids of the team's environments in the given states, in order. */
    public List<Long> idsOfTeamIn(long teamId, Collection<EnvironmentState> states) {
        return environments.findIdsByTeamIdAndStateIn(teamId, states);
    }
}
