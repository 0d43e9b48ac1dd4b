package com.mcpportal.portal.environment.drift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.mcpportal.portal.cloud.MachineImage;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The environment_nat_image table: one row per environment, replaced by each NAT image check. */
@Component
class NatImageStore {

    private final JdbcTemplate jdbc;

    NatImageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NatImageFinding> find(long environmentId) {
        return jdbc.query("""
                SELECT environment_id, checked_at, instance_id, instances, current_image_id, current_image_name,
                       current_image_created, latest_image_id, latest_image_name, latest_image_created
                FROM environment_nat_image WHERE environment_id = ?""", NatImageStore::finding, environmentId)
                .stream().findFirst();
    }

    void save(NatImageFinding finding) {
        jdbc.update("""
                INSERT INTO environment_nat_image (environment_id, checked_at, instance_id, instances, current_image_id,
                    current_image_name, current_image_created, latest_image_id, latest_image_name, latest_image_created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (environment_id) DO UPDATE SET checked_at = EXCLUDED.checked_at,
                    instance_id = EXCLUDED.instance_id, instances = EXCLUDED.instances,
                    current_image_id = EXCLUDED.current_image_id, current_image_name = EXCLUDED.current_image_name,
                    current_image_created = EXCLUDED.current_image_created,
                    latest_image_id = EXCLUDED.latest_image_id, latest_image_name = EXCLUDED.latest_image_name,
                    latest_image_created = EXCLUDED.latest_image_created""",
                finding.environmentId(), Timestamp.from(finding.checkedAt()), finding.instanceId(),
                finding.instances(), finding.current().imageId(), name(finding.current()),
                timestamp(finding.current().createdAt()), finding.latest().imageId(), name(finding.latest()),
                timestamp(finding.latest().createdAt()));
    }

    void clear(long environmentId) {
        jdbc.update("DELETE FROM environment_nat_image WHERE environment_id = ?", environmentId);
    }

    private static NatImageFinding finding(ResultSet rs, int row) throws SQLException {
        return new NatImageFinding(rs.getLong("environment_id"), rs.getTimestamp("checked_at").toInstant(),
                rs.getString("instance_id"), rs.getInt("instances"), new MachineImage(rs.getString("current_image_id"),
                rs.getString("current_image_name"), instant(rs.getTimestamp("current_image_created"))),
                new MachineImage(rs.getString("latest_image_id"), rs.getString("latest_image_name"),
                        instant(rs.getTimestamp("latest_image_created"))));
    }

    private static String name(MachineImage image) {
        return image.name() == null || image.name().length() <= 200 ? image.name() : image.name().substring(0, 200);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
