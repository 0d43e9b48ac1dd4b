package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.schedule.Schedule;

/**
 * An environment's and a team's part of the shared networks they are in, for the cost pages. The network feature
 * implements it (it prices networks with this feature's estimator, so this feature cannot read networks without a
 * cycle); an environment with its own network has no share.
 */
public interface SharedNetworkCosts {

    /** How a shared network's bill is divided, in one sentence for the pages. */
    String METHOD = "A shared network's NAT instance, its public IPv4 address, its root volume and the Cloud Map"
            + " namespace are divided between its environments in proportion to the hours each needed the NAT, an"
            + " hour several needed together split equally between them; everything else stays each environment's"
            + " own.";

    /**
     * One environment's part of its network's bill.
     *
     * @param fraction     its part of the network's shared costs (0 to 1)
     * @param shareHours   its share of the NAT's hours in the next 30 days
     * @param aloneUsd     its monthly estimate with a network of its own
     * @param inNetworkUsd its monthly estimate in the network: its own rows plus its part of the shared ones
     */
    record NetworkShare(long networkId, String networkName, BigDecimal fraction, BigDecimal shareHours,
                        BigDecimal aloneUsd, BigDecimal inNetworkUsd) {
    }

    /** A team's environments in one shared network and what they cost there together, a month. */
    record TeamNetworkShare(long networkId, String networkName, int environments, BigDecimal teamUsd,
                            BigDecimal aloneUsd) {
    }

    /** A shared network the environment could be moved into: usable by its team, in its account and region. */
    record NetworkChoice(long networkId, String networkName) {
    }

    /** The networks "what if it were moved into network X" may price for this environment (not its current one). */
    List<NetworkChoice> moveChoices(Environment environment);

    /**
     * What the environment would cost in {@code networkId} with the members it has now: its part worked out as the
     * network's page would, with the environment among them. Empty when the network is not one of
     * {@link #moveChoices} or no price is known.
     */
    Optional<NetworkShare> ifMovedInto(Environment environment, long networkId);

    /**
     * An environment's estimate in its shared network: its own rows plus its part of the network's, on its schedule
     * and 24/7.
     *
     * @param scheduled its estimate on its schedule, in the network
     * @param alwaysOn  the same 24/7: its own rows 24/7 plus the same part of the network's NAT run 24/7
     */
    record InNetwork(NetworkShare share, CostEstimate scheduled, CostEstimate alwaysOn) {
    }

    /**
     * The environment priced in its shared network, from its estimate with a network of its own ({@code alone}) and
     * the schedule that estimate was made for (its own, or a what-if's): the network's split is worked out with
     * this schedule in place of its stored one. Empty when it has its own network or a member has no price.
     */
    Optional<InNetwork> inNetwork(Environment environment, EnvironmentCost alone, Schedule schedule);

    /** Each shared network the team has environments in, with their monthly cost there. */
    List<TeamNetworkShare> teamShares(long teamId);
}
