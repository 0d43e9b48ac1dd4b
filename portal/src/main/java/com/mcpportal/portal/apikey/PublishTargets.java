package com.mcpportal.portal.apikey;

import java.util.Collection;
import java.util.List;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The environments whose MCP servers may run and so need a key set: every team's, for the periodic pass. */
interface PublishTargets extends Repository<Environment, Long> {

    /** States in which an environment's key-set secret may exist and be read by a server. */
    List<EnvironmentState> STATES = List.of(EnvironmentState.PROVISIONING, EnvironmentState.READY,
            EnvironmentState.FAILED);

    @Query("select e.id from Environment e where e.state in :states order by e.id")
    List<Long> findIdsByStateIn(@Param("states") Collection<EnvironmentState> states);

    @Query("select e.id from Environment e where e.teamId = :teamId and e.state in :states order by e.id")
    List<Long> findIdsByTeamIdAndStateIn(@Param("teamId") long teamId,
            @Param("states") Collection<EnvironmentState> states);
}
