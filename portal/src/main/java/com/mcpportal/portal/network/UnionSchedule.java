package com.mcpportal.portal.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mcpportal.portal.schedule.OnInterval;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.ScheduleEvaluator;
import com.mcpportal.portal.schedule.Transition;

/**
 * When a shared network's NAT instance runs: the union of its members' desired-on stretches, each widened by the
 * {@link NatTiming} (started before the first member starts, stopped after the last one stops). Member stretches
 * come from the schedule feature's own {@link ScheduleEvaluator#onIntervals}, so overrides (manual starts and
 * stops), exceptions and time zones count exactly as they do for the environments themselves. Pure: the instant is
 * always a parameter.
 */
public final class UnionSchedule {

    private UnionSchedule() {
    }

    /** What one member needs the NAT for in [from, to): its own on-stretches widened by the timing, clipped. */
    public static List<OnInterval> neededBy(NetworkMember member, Instant from, Instant to, NatTiming timing) {
        // Look beyond the range by the margins: a start just after `to` needs the NAT before it.
        List<OnInterval> own = ScheduleEvaluator.onIntervals(member.schedule(), from.minus(timing.lag()),
                to.plus(timing.lead()));
        List<OnInterval> widened = new ArrayList<>(own.size() + 1);
        for (OnInterval interval : own) {
            widened.add(new OnInterval(interval.start().minus(timing.lead()), interval.end().plus(timing.lag())));
        }
        if (member.runningNow()) {
            // Running against its schedule: needed now, and until the reconciler sees it stopped (then this is asked again).
            widened.add(new OnInterval(from, from.plus(timing.lag())));
        }
        return clip(merge(widened), from, to);
    }

    /** The NAT's on-stretches in [from, to): the union of what each member needs. */
    public static List<OnInterval> natOn(List<NetworkMember> members, Instant from, Instant to, NatTiming timing) {
        List<OnInterval> all = new ArrayList<>();
        for (NetworkMember member : members) {
            all.addAll(neededBy(member, from, to, timing));
        }
        return merge(all);
    }

    /** Whether the NAT should run at the instant: some member needs it (or its service runs). */
    public static PowerState natStateAt(List<NetworkMember> members, Instant instant, NatTiming timing) {
        for (NetworkMember member : members) {
            if (member.runningNow()) {
                return PowerState.ON;
            }
        }
        Instant next = instant.plusSeconds(1);
        for (NetworkMember member : members) {
            for (OnInterval interval : neededBy(member, instant, next, timing)) {
                if (!interval.start().isAfter(instant)) {
                    return PowerState.ON;
                }
            }
        }
        return PowerState.OFF;
    }

    /** The longest look ahead for the NAT's next change: beyond it, its state is taken as never changing. */
    static final Duration HORIZON = Duration.ofDays(400);

    /**
     * Up to {@code n} changes of the NAT's state strictly after {@code from}, in order and alternating: the instants
     * the schedule's edge triggers would start and stop a shared network's NAT at. Empty when it never changes
     * again within {@link #HORIZON}.
     */
    public static List<Transition> nextNatTransitions(List<NetworkMember> members, Instant from, int n, NatTiming timing) {
        List<Transition> transitions = new ArrayList<>();
        for (Duration ahead = Duration.ofDays(8); transitions.size() < n; ahead = ahead.multipliedBy(2)) {
            Instant to = from.plus(ahead.compareTo(HORIZON) > 0 ? HORIZON : ahead);
            transitions.clear();
            for (OnInterval stretch : natOn(members, from, to, timing)) {
                if (stretch.start().isAfter(from)) {
                    transitions.add(new Transition(stretch.start(), PowerState.ON, "a network member starts"));
                }
                if (stretch.end().isBefore(to)) {
                    transitions.add(new Transition(stretch.end(), PowerState.OFF, "the network's last member stopped"));
                }
            }
            if (!ahead.minus(HORIZON).isNegative()) {
                break;
            }
        }
        return transitions.size() > n ? List.copyOf(transitions.subList(0, n)) : transitions;
    }

    /** Sorted, overlapping or touching stretches joined, empty ones dropped. */
    static List<OnInterval> merge(List<OnInterval> intervals) {
        List<OnInterval> sorted = new ArrayList<>(intervals);
        sorted.removeIf(interval -> !interval.end().isAfter(interval.start()));
        sorted.sort(Comparator.comparing(OnInterval::start));
        List<OnInterval> merged = new ArrayList<>(sorted.size());
        for (OnInterval interval : sorted) {
            OnInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.start().isAfter(last.end())) {
                if (interval.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new OnInterval(last.start(), interval.end()));
                }
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private static List<OnInterval> clip(List<OnInterval> intervals, Instant from, Instant to) {
        List<OnInterval> clipped = new ArrayList<>(intervals.size());
        for (OnInterval interval : intervals) {
            Instant start = interval.start().isBefore(from) ? from : interval.start();
            Instant end = interval.end().isAfter(to) ? to : interval.end();
            if (end.isAfter(start)) {
                clipped.add(new OnInterval(start, end));
            }
        }
        return clipped;
    }
}
