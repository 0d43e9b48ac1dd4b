package com.mcpportal.portal.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mcpportal.portal.cost.CostComponent;
import com.mcpportal.portal.cost.CostEstimate;
import com.mcpportal.portal.cost.CostEstimator;
import com.mcpportal.portal.cost.CostLine;
import com.mcpportal.portal.cost.CostRow;
import com.mcpportal.portal.cost.EnvironmentSizing;

/**
 * A shared network's bill and each member's part of it, priced by the portal's own {@link CostEstimator}. What the
 * network shares (the NAT instance's hours, its public IPv4 address while it runs, its root volume, and the Cloud
 * Map namespace's hosted zone) is priced once for the NAT's union hours, then divided between the members in
 * proportion to their {@link NatShares fair shares} of those hours; with no NAT hours at all (every member off) the
 * monthly parts are divided equally. Everything else (Fargate, logs, images, requests, the task's Cloud Map
 * registration) stays each environment's own.
 */
public final class NetworkCostSplit {

    /** The rows a network carries instead of its environments. */
    static final Set<CostComponent> SHARED_ROWS = Set.of(CostComponent.NAT_INSTANCE, CostComponent.PUBLIC_IPV4,
            CostComponent.NAT_ROOT_VOLUME);

    private static final int SCALE = 12;

    /**
     * One member: its estimate alone (the portal's own, with its own NAT) and its share of the NAT's hours (over the
     * same range as the other members').
     */
    public record Member(long environmentId, CostEstimate alone, BigDecimal shareHours) {
    }

    /**
     * @param shared   the network's own shared rows, for the NAT's hours
     * @param fractions each member's part of the shared rows (adding up to one)
     * @param members  each member's estimate in the network: its own rows plus its part of the shared ones
     */
    public record Result(CostEstimate shared, Map<Long, BigDecimal> fractions, Map<Long, CostEstimate> members) {

        public BigDecimal memberUsd(long environmentId) {
            return members.get(environmentId).totalUsd();
        }
    }

    private final CostEstimator estimator;

    public NetworkCostSplit(CostEstimator estimator) {
        this.estimator = estimator;
    }

    /**
     * @param natSizing       the NAT's settings (instance type, spot, address, root volume) and whether a Cloud Map
     *                        namespace is shared
     * @param natMonthlyHours the NAT's union hours per average month
     */
    public Result split(String region, EnvironmentSizing natSizing, BigDecimal natMonthlyHours, List<Member> members) {
        List<CostRow> sharedRows = sharedRows(region, natSizing, natMonthlyHours);
        CostEstimate shared = new CostEstimate(region, natMonthlyHours, sharedRows);
        Map<Long, BigDecimal> fractions = fractions(members);
        Map<Long, CostEstimate> estimates = new LinkedHashMap<>();
        for (Member member : members) {
            estimates.put(member.environmentId(), withPart(member.alone(), sharedRows,
                    fractions.get(member.environmentId())));
        }
        return new Result(shared, fractions, estimates);
    }

    /** The rows the network carries for a NAT running {@code natMonthlyHours} (all its instances together). */
    public List<CostRow> sharedRows(String region, EnvironmentSizing natSizing, BigDecimal natMonthlyHours) {
        CostEstimate networkWhole = estimator.monthly(region, natSizing, natMonthlyHours, Optional.empty());
        List<CostRow> sharedRows = new ArrayList<>();
        for (CostRow row : networkWhole.rows()) {
            if (SHARED_ROWS.contains(row.component())) {
                sharedRows.add(row);
            } else if (row.component() == CostComponent.CLOUD_MAP && natSizing.cloudMap()) {
                sharedRows.add(new CostRow(row.component(), row.lines().stream().filter(NetworkCostSplit::namespace).toList()));
            }
        }
        return sharedRows;
    }

    /**
     * An environment's estimate in the network: its own rows (without its own NAT, address, root volume and
     * namespace) plus {@code fraction} of each of the network's shared rows.
     */
    public static CostEstimate withPart(CostEstimate own, List<CostRow> sharedRows, BigDecimal fraction) {
        List<CostRow> rows = new ArrayList<>();
        for (CostRow row : own.rows()) {
            if (SHARED_ROWS.contains(row.component())) {
                continue;
            }
            if (row.component() == CostComponent.CLOUD_MAP) {
                rows.add(new CostRow(row.component(), row.lines().stream().filter(l -> !namespace(l)).toList()));
            } else {
                rows.add(row);
            }
        }
        for (CostRow row : sharedRows) {
            rows.add(new CostRow(row.component(), row.lines().stream().map(line -> part(line, fraction)).toList()));
        }
        return new CostEstimate(own.region(), own.monthlyHoursOn(), rows);
    }

    /** Share hours over their sum; equal parts when no one needed the NAT at all. */
    static Map<Long, BigDecimal> fractions(List<Member> members) {
        BigDecimal total = members.stream().map(Member::shareHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, BigDecimal> fractions = new LinkedHashMap<>();
        for (Member member : members) {
            fractions.put(member.environmentId(), total.signum() == 0
                    ? BigDecimal.ONE.divide(BigDecimal.valueOf(members.size()), SCALE, RoundingMode.HALF_EVEN)
                    : member.shareHours().divide(total, SCALE, RoundingMode.HALF_EVEN));
        }
        return fractions;
    }

    private static boolean namespace(CostLine line) {
        return line.what().contains("hosted zone");
    }

    private static CostLine part(CostLine line, BigDecimal fraction) {
        return new CostLine(line.what() + ", shared: " + fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + "%", line.quantity().multiply(fraction), line.unit(), line.usdPerUnit(),
                line.provenance());
    }
}
