package com.mcpportal.portal.network;

import java.time.Clock;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a provisioned environment to move into a shared network its team may use (from its own network), or out
 * of its shared network into one of its own again. The request is checked (a network of the same account and region,
 * a free /24 for its subnet; a shared network to another one goes through its own network) and the move operation
 * asked for in one transaction with the record of which way it goes, so the operation's steps find it; a refusal
 * (another operation in flight, not ready) leaves no record. Callers check {@code TeamAccess} first.
 */
@Service
public class NetworkMoves {

    /** What the page and the API say of the interruption (see {@link EnvironmentNetworks#MOVE_INTERRUPTION}). */
    public static final String INTERRUPTION = EnvironmentNetworks.MOVE_INTERRUPTION;

    private final NetworkStore store;
    private final Networks networks;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final Clock clock;

    NetworkMoves(NetworkStore store, Networks networks, EnvironmentService environments,
            EnvironmentOperations operations, Clock clock) {
        this.store = store;
        this.networks = networks;
        this.environments = environments;
        this.operations = operations;
        this.clock = clock;
    }

    /**
     * @param networkId the shared network to move into, or null: out of its shared network, into its own
     * @return the move enqueued, or why not (another operation in flight, a state that allows none)
     * @throws InvalidInputException for field {@code networkId}: a network it cannot move to
     */
    @Transactional
    public OperationRequest requestMove(long teamId, long environmentId, Long networkId, Actor actor) {
        Environment environment = environments.get(teamId, environmentId);
        Optional<Long> current = store.placementNetworkOf(environmentId);
        if (networkId == null) {
            Network leaving = current.flatMap(store::find).orElseThrow(() -> new InvalidInputException("networkId",
                    environment.getName() + " has its own network already; choose a shared network to move it into."));
            OperationRequest answer = operations.requestNetworkMove(environmentId, "its own network (from "
                    + leaving.name() + ")", actor);
            if (answer instanceof OperationRequest.Enqueued) {
                store.markLeaving(environmentId);
            }
            return answer;
        }
        Network target;
        try {
            target = networks.get(teamId, networkId);
        } catch (NetworkNotFoundException e) {
            throw new InvalidInputException("networkId", "Choose a network your team may use.");
        }
        if (current.isPresent()) {
            throw new InvalidInputException("networkId", current.get().equals(networkId)
                    ? environment.getName() + " is in " + target.name() + " already."
                    : environment.getName() + " is in another shared network: move it to its own network first.");
        }
        if (environment.getCloudAccountId() != target.cloudAccountId()
                || !environment.getRegion().equals(target.region())) {
            throw new InvalidInputException("networkId", target.name() + " is in another cloud account or region ("
                    + target.region() + "); an environment moves only within its own.");
        }
        store.lock(networkId);
        String subnet = SubnetRanges.nextPrivate(target.vpcCidr(), target.azCount(), store.takenSubnets(networkId))
                .orElseThrow(() -> new InvalidInputException("networkId", target.name() + " has no free /24 range"
                        + " left in " + target.vpcCidr() + " for another environment's subnet."));
        OperationRequest answer = operations.requestNetworkMove(environmentId, "network " + target.name() + " ("
                + subnet + ")", actor);
        if (answer instanceof OperationRequest.Enqueued) {
            store.addArriving(networkId, environmentId, subnet, clock.instant());
        }
        return answer;
    }
}
