package com.mcpportal.portal.schedule.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.schedule.MirrorStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code schedule_mirror} rows: the "keep hours in AWS" option, what was last written, the last check. */
@Repository
public class MirrorStore {

    /** One row: the option and status, and the schedules as last written. */
    public record Row(long environmentId, MirrorStatus status, List<MirroredSchedule> written) {
    }

    private final JdbcTemplate jdbc;

    MirrorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long environmentId) {
        return jdbc.query("SELECT environment_id, keep_in_cloud, status, message, written, checked_at"
                + " FROM schedule_mirror WHERE environment_id = ?", (rs, n) -> new Row(rs.getLong(1),
                        new MirrorStatus(rs.getBoolean(2), MirrorStatus.State.valueOf(rs.getString(3)), rs.getString(4),
                                instant(rs.getTimestamp(6))), parse(rs.getString(5))), environmentId)
                .stream().findFirst();
    }

    /** The environments with the option on. */
    public List<Long> kept() {
        return jdbc.queryForList("SELECT environment_id FROM schedule_mirror WHERE keep_in_cloud"
                + " ORDER BY environment_id", Long.class);
    }

    /**
     * The environments whose hours the cloud keeps now: the option on and the mirror written (in sync, or drifted and
     * put right); not one being written or failed, whose cloud may not make the next edge.
     */
    public List<Long> written() {
        return jdbc.queryForList("SELECT environment_id FROM schedule_mirror WHERE keep_in_cloud"
                + " AND status IN ('IN_SYNC', 'DRIFTED') ORDER BY environment_id", Long.class);
    }

    /** Those the next pass must write or remove (PENDING), and kept ones not checked since {@code checkedBefore}. */
    public List<Long> due(Instant checkedBefore) {
        return jdbc.queryForList("SELECT environment_id FROM schedule_mirror WHERE status = 'PENDING'"
                + " OR keep_in_cloud AND (checked_at IS NULL OR checked_at < ?) ORDER BY environment_id", Long.class,
                Timestamp.from(checkedBefore));
    }

    /** Sets the option; the mirror is then due (PENDING) for the next pass to write or remove. */
    public void setKeep(long environmentId, boolean keep, String by, Instant now) {
        jdbc.update("""
                INSERT INTO schedule_mirror (environment_id, keep_in_cloud, status, updated_by, updated_at)
                VALUES (?, ?, 'PENDING', ?, ?)
                ON CONFLICT (environment_id) DO UPDATE SET keep_in_cloud = EXCLUDED.keep_in_cloud, status = 'PENDING',
                    message = NULL, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""",
                environmentId, keep, by, Timestamp.from(now));
    }

    /** Whether the team gives "keep hours in AWS" to its new environments. */
    public boolean teamKeeps(long teamId) {
        return jdbc.queryForList("SELECT keep_in_cloud FROM team_schedule_mirror WHERE team_id = ?", Boolean.class,
                teamId).stream().findFirst().orElse(false);
    }

    /** Sets the team's default for new environments. */
    public void setTeamKeep(long teamId, boolean keep, String by, Instant now) {
        jdbc.update("""
                INSERT INTO team_schedule_mirror (team_id, keep_in_cloud, updated_by, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (team_id) DO UPDATE SET keep_in_cloud = EXCLUDED.keep_in_cloud,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""",
                teamId, keep, by, Timestamp.from(now));
    }

    /** Marks the mirror due again (its schedule changed), if the environment keeps one. */
    public void markDue(long environmentId) {
        jdbc.update("UPDATE schedule_mirror SET status = 'PENDING' WHERE environment_id = ? AND keep_in_cloud",
                environmentId);
    }

    /** Records a check: its outcome, and what is written now ({@code written} null: unchanged). */
    public void recordCheck(long environmentId, MirrorStatus.State state, String message,
            List<MirroredSchedule> written, Instant at) {
        if (written == null) {
            jdbc.update("UPDATE schedule_mirror SET status = ?, message = ?, checked_at = ? WHERE environment_id = ?",
                    state.name(), message, Timestamp.from(at), environmentId);
        } else {
            jdbc.update("UPDATE schedule_mirror SET status = ?, message = ?, checked_at = ?, written = ?"
                    + " WHERE environment_id = ?", state.name(), message, Timestamp.from(at), format(written),
                    environmentId);
        }
    }

    static String format(List<MirroredSchedule> schedules) {
        StringBuilder text = new StringBuilder();
        for (MirroredSchedule s : schedules) {
            text.append(s.name()).append('|').append(s.expression()).append('|').append(s.timezone()).append('|')
                    .append(s.action()).append('|').append(s.startDate() == null ? "" : s.startDate()).append('|')
                    .append(s.endDate() == null ? "" : s.endDate()).append('\n');
        }
        return text.toString();
    }

    static List<MirroredSchedule> parse(String text) {
        List<MirroredSchedule> schedules = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            schedules.add(new MirroredSchedule(f[0], f[1], f[2], MirrorAction.valueOf(f[3]),
                    f[4].isEmpty() ? null : Instant.parse(f[4]), f[5].isEmpty() ? null : Instant.parse(f[5])));
        }
        return schedules;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
