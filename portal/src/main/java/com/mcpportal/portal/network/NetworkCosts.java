package com.mcpportal.portal.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cost.CostEstimate;
import com.mcpportal.portal.cost.CostRow;
import com.mcpportal.portal.cost.EnvironmentCost;
import com.mcpportal.portal.cost.EnvironmentCostService;
import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.EnvironmentSchedules;
import com.mcpportal.portal.cost.EnvironmentSizing;
import com.mcpportal.portal.cost.MonthlyHours;
import com.mcpportal.portal.cost.NatPublicIp;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.OnInterval;
import com.mcpportal.portal.schedule.Schedule;

import org.springframework.stereotype.Service;

/**
 * A network's hours and bill as its page shows them: the NAT's union hours over the next 30 days (the sample every
 * estimate uses), each environment's estimate alone and in the network, and the network's shared part. The
 * environments' own estimates are the cost feature's, so the figures agree with their cost pages.
 */
@Service
public class NetworkCosts {

    /** The NAT instance a network runs: the portal's default (t4g.nano, on-demand, 8 GB gp3, auto-assigned IPv4). */
    static final EnvironmentSizing NAT = EnvironmentSizing.defaults();
    private static final BigDecimal SAMPLE_HOURS = BigDecimal.valueOf(MonthlyHours.SAMPLE.toHours());

    /**
     * One environment's line: what it needed, its share, and its estimate alone and in the network.
     *
     * @param partUsd   its part of the network's shared bill (the parts add up to the network's bill)
     * @param scheduled its estimate in the network on its schedule ({@code inNetworkUsd} is its total)
     * @param alwaysOn  the same 24/7, with the same part of the network's NAT run 24/7
     */
    public record MemberCost(Environment environment, BigDecimal neededHours, BigDecimal shareHours,
                             BigDecimal fraction, BigDecimal aloneUsd, BigDecimal inNetworkUsd, BigDecimal partUsd,
                             CostEstimate scheduled, CostEstimate alwaysOn) {

        public BigDecimal savedUsd() {
            return aloneUsd.subtract(inNetworkUsd);
        }
    }

    /**
     * @param nextWeek  the NAT's stretches in the next 7 days
     * @param problem   why no cost is shown (a missing price), or null
     */
    public record View(List<OnInterval> nextWeek, BigDecimal natHoursInSample, BigDecimal natMonthlyHours,
                       CostEstimate shared, List<MemberCost> members, Map<Long, BigDecimal> byTeam, String problem) {
    }

    /** A member priced with another schedule and estimate alone than its stored ones (a what-if). */
    record Subject(long environmentId, Schedule schedule, EnvironmentCost alone) {
    }

    private final EnvironmentCostService estimates;
    private final EnvironmentSchedules schedules;
    private final Clock clock;

    NetworkCosts(EnvironmentCostService estimates, EnvironmentSchedules schedules, Clock clock) {
        this.estimates = estimates;
        this.schedules = schedules;
        this.clock = clock;
    }

    public View of(Network network, List<Environment> environments) {
        return of(network, environments, null);
    }

    /** The same, with {@code subject} (when not null) priced on its given schedule and estimate alone. */
    View of(Network network, List<Environment> environments, Subject subject) {
        Instant from = clock.instant();
        Instant to = from.plus(MonthlyHours.SAMPLE);
        List<Environment> live = environments.stream().filter(e -> e.getState() != EnvironmentState.DELETED).toList();
        List<NetworkMember> members = live.stream().map(e -> new NetworkMember(e.getId(),
                subject != null && subject.environmentId() == e.getId() ? subject.schedule()
                        : schedules.scheduleOf(e.getId()), e.getPower() == EnvironmentPower.ON)).toList();
        Map<Long, List<OnInterval>> needs = new LinkedHashMap<>();
        members.forEach(m -> needs.put(m.environmentId(), UnionSchedule.neededBy(m, from, to, NatTiming.DEFAULT)));
        List<OnInterval> week = UnionSchedule.natOn(members, from, from.plus(Duration.ofDays(7)), NatTiming.DEFAULT);
        BigDecimal natHours = hours(UnionSchedule.natOn(members, from, to, NatTiming.DEFAULT));
        BigDecimal natMonthly = toMonth(natHours);
        if (live.isEmpty()) {
            return new View(week, natHours, natMonthly, null, List.of(), Map.of(), null);
        }
        List<NetworkCostSplit.Member> priced = new ArrayList<>();
        Map<Long, EnvironmentCost> alone = new LinkedHashMap<>();
        List<NatShares.Share> shares = NatShares.split(needs);
        for (NatShares.Share share : shares) {
            Environment environment = member(live, share.environmentId());
            EnvironmentCost cost;
            if (subject != null && subject.environmentId() == share.environmentId()) {
                cost = subject.alone();
            } else {
                EnvironmentEstimate estimate = estimates.alone(environment);
                if (!estimate.priced()) {
                    return new View(week, natHours, natMonthly, null, List.of(), Map.of(), estimate.problem());
                }
                cost = estimate.cost();
            }
            alone.put(share.environmentId(), cost);
            priced.add(new NetworkCostSplit.Member(share.environmentId(), cost.scheduled(), share.shareHours()));
        }
        int instances = network.natInstances();
        EnvironmentSizing nat = NAT.withNat(NAT.natInstanceType(), false, NatPublicIp.AUTO_ASSIGNED,
                NAT.natRootVolumeGb() * instances);
        NetworkCostSplit split = new NetworkCostSplit(estimates.estimator());
        NetworkCostSplit.Result result = split.split(network.region(), nat,
                natMonthly.multiply(BigDecimal.valueOf(instances)), priced);
        List<CostRow> allMonth = split.sharedRows(network.region(), nat,
                MonthlyHours.AVERAGE_MONTH_HOURS.multiply(BigDecimal.valueOf(instances)));
        List<MemberCost> lines = new ArrayList<>();
        Map<Long, BigDecimal> byTeam = new LinkedHashMap<>();
        for (NatShares.Share share : shares) {
            Environment environment = member(live, share.environmentId());
            BigDecimal fraction = result.fractions().get(share.environmentId());
            CostEstimate inNetwork = result.members().get(share.environmentId());
            EnvironmentCost own = alone.get(share.environmentId());
            lines.add(new MemberCost(environment, share.neededHours(), share.shareHours(), fraction,
                    own.scheduled().totalUsd(), inNetwork.totalUsd(), result.shared().totalUsd().multiply(fraction),
                    inNetwork, NetworkCostSplit.withPart(own.alwaysOn(), allMonth, fraction)));
            byTeam.merge(environment.getTeamId(), inNetwork.totalUsd(), BigDecimal::add);
        }
        return new View(week, natHours, natMonthly, result.shared(), lines, byTeam, null);
    }

    private static Environment member(List<Environment> live, long environmentId) {
        return live.stream().filter(e -> e.getId() == environmentId).findFirst().orElseThrow();
    }

    private static BigDecimal hours(List<OnInterval> intervals) {
        long seconds = intervals.stream().mapToLong(i -> i.duration().getSeconds()).sum();
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal toMonth(BigDecimal sampleHours) {
        return sampleHours.multiply(MonthlyHours.AVERAGE_MONTH_HOURS).divide(SAMPLE_HOURS, 12, RoundingMode.HALF_EVEN);
    }
}
