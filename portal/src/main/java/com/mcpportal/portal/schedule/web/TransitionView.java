package com.mcpportal.portal.schedule.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.schedule.Transition;

/**
 * A coming change as the pages show it: "starts Mon 08:00 CET, in 14 h", also in the viewer's zone when it differs.
 *
 * @param inViewerZone null when the viewer's zone is the schedule's (or unknown)
 */
public record TransitionView(Instant at, String verb, String inZone, String inViewerZone, String relative, String reason) {

    public static List<TransitionView> of(Schedule schedule, Instant now, int count, ZoneId viewerZone) {
        return schedule.nextTransitions(now, count).stream().map(t -> of(t, schedule.zone(), now, viewerZone)).toList();
    }

    public static TransitionView of(Transition transition, ZoneId zone, Instant now, ZoneId viewerZone) {
        String inZone = ScheduleText.at(transition.at(), zone);
        String inViewer = viewerZone == null ? null : ScheduleText.at(transition.at(), viewerZone);
        return new TransitionView(transition.at(), ScheduleText.verb(transition.state()), inZone,
                inZone.equals(inViewer) || viewerZone == null || viewerZone.equals(zone) ? null : inViewer,
                ScheduleText.relative(now, transition.at()), transition.reason());
    }

    /** "starts Mon 08:00 CET, in 14 h". */
    public String sentence() {
        return verb + " " + inZone + ", " + relative;
    }
}
