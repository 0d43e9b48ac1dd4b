package com.mcpportal.portal.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.mcpportal.portal.schedule.OnInterval;

/**
 * The fair split of a shared NAT's hours. Every second the NAT runs is shared equally by the members that need it in
 * that second (their own hours widened by the {@link NatTiming}): an hour one environment needs alone is wholly its
 * own, an hour three need together is a third each. A member's share is the sum of its parts; the shares add up to
 * the NAT's hours exactly (up to the last of twelve decimals). This is the Shapley value of the NAT's running time:
 * no member pays for an hour it did not need, and none pays more for overlapping hours than the others.
 */
public final class NatShares {

    private static final int SCALE = 12;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /**
     * @param neededHours the hours the member needed the NAT, alone or not
     * @param shareHours  its fair part of the NAT's hours
     */
    public record Share(long environmentId, BigDecimal neededHours, BigDecimal shareHours) {
    }

    private NatShares() {
    }

    /** The shares of each member (in the map's order) for what each needed over the same range. */
    public static List<Share> split(Map<Long, List<OnInterval>> needs) {
        TreeSet<Instant> cuts = new TreeSet<>();
        needs.values().forEach(list -> list.forEach(interval -> {
            cuts.add(interval.start());
            cuts.add(interval.end());
        }));
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        needs.keySet().forEach(id -> shares.put(id, BigDecimal.ZERO));
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Instant start = previous;
                List<Long> sharing = new ArrayList<>();
                needs.forEach((id, list) -> {
                    if (list.stream().anyMatch(i -> !start.isBefore(i.start()) && !cut.isAfter(i.end()))) {
                        sharing.add(id);
                    }
                });
                if (!sharing.isEmpty()) {
                    BigDecimal part = hours(cut.getEpochSecond() - start.getEpochSecond())
                            .divide(BigDecimal.valueOf(sharing.size()), SCALE, RoundingMode.HALF_EVEN);
                    sharing.forEach(id -> shares.merge(id, part, BigDecimal::add));
                }
            }
            previous = cut;
        }
        List<Share> result = new ArrayList<>(needs.size());
        needs.forEach((id, list) -> result.add(new Share(id, hours(list.stream()
                .mapToLong(i -> i.end().getEpochSecond() - i.start().getEpochSecond()).sum()), shares.get(id))));
        return result;
    }

    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, SCALE, RoundingMode.HALF_EVEN);
    }
}
