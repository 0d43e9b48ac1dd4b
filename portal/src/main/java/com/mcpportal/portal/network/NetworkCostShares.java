package com.mcpportal.portal.network;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cost.EnvironmentCost;
import com.mcpportal.portal.cost.SharedNetworkCosts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.Schedule;

import org.springframework.stereotype.Component;

/**
 * The cost pages' view of the networks: the same figures as the network's own page ({@link NetworkCosts}), for one
 * environment or one team.
 */
@Component
class NetworkCostShares implements SharedNetworkCosts {

    private final Networks networks;
    private final NetworkStore store;
    private final NetworkCosts costs;

    NetworkCostShares(Networks networks, NetworkStore store, NetworkCosts costs) {
        this.networks = networks;
        this.store = store;
        this.costs = costs;
    }

    @Override
    public Optional<InNetwork> inNetwork(Environment environment, EnvironmentCost alone, Schedule schedule) {
        Optional<Long> networkId = store.networkOf(environment.getId());
        if (networkId.isEmpty() || environment.getState() == EnvironmentState.DELETED) {
            return Optional.empty();
        }
        Network network = networks.get(networkId.get());
        NetworkCosts.View view = costs.of(network, networks.environmentsIn(network.id()),
                new NetworkCosts.Subject(environment.getId(), schedule, alone));
        return view.members().stream().filter(m -> m.environment().getId().equals(environment.getId())).findFirst()
                .map(m -> new InNetwork(share(network, m), m.scheduled(), m.alwaysOn()));
    }

    private static Optional<NetworkShare> share(Network network, NetworkCosts.View view, Environment environment) {
        return view.members().stream().filter(m -> m.environment().getId().equals(environment.getId())).findFirst()
                .map(m -> share(network, m));
    }

    private static NetworkShare share(Network network, NetworkCosts.MemberCost m) {
        return new NetworkShare(network.id(), network.name(), m.fraction(), m.shareHours(), m.aloneUsd(),
                m.inNetworkUsd());
    }

    @Override
    public List<NetworkChoice> moveChoices(Environment environment) {
        Long current = store.networkOf(environment.getId()).orElse(null);
        return networks.usableBy(environment.getTeamId()).stream()
                .filter(n -> n.cloudAccountId() == environment.getCloudAccountId()
                        && n.region().equals(environment.getRegion()) && !Long.valueOf(n.id()).equals(current))
                .map(n -> new NetworkChoice(n.id(), n.name())).toList();
    }

    @Override
    public Optional<NetworkShare> ifMovedInto(Environment environment, long networkId) {
        if (moveChoices(environment).stream().noneMatch(choice -> choice.networkId() == networkId)) {
            return Optional.empty();
        }
        Network network = networks.get(networkId);
        List<Environment> members = new ArrayList<>(networks.environmentsIn(networkId));
        members.add(environment);
        return share(network, costs.of(network, members), environment);
    }

    @Override
    public List<TeamNetworkShare> teamShares(long teamId) {
        List<TeamNetworkShare> shares = new ArrayList<>();
        for (Network network : networks.usableBy(teamId)) {
            List<Environment> members = networks.environmentsIn(network.id());
            if (members.stream().noneMatch(e -> e.getTeamId() == teamId && e.getState() != EnvironmentState.DELETED)) {
                continue;
            }
            NetworkCosts.View view = costs.of(network, members);
            List<NetworkCosts.MemberCost> own = view.members().stream()
                    .filter(m -> m.environment().getTeamId() == teamId).toList();
            if (view.problem() != null || own.isEmpty()) {
                continue;
            }
            shares.add(new TeamNetworkShare(network.id(), network.name(), own.size(),
                    own.stream().map(NetworkCosts.MemberCost::inNetworkUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                    own.stream().map(NetworkCosts.MemberCost::aloneUsd).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return shares;
    }
}
