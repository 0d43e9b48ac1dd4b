package com.mcpportal.portal.cloud.simulated;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MachineImage;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated cloud's tables. Each call commits on its own (steps run outside transactions, like calls to AWS);
 * inserts never duplicate a component: the first writer wins and everyone reads back the same row.
 */
final class SimulatedStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SimulatedStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<SimulatedResource> find(EnvironmentRef env, String component) {
        return jdbc.query("SELECT component, resource_id, arn, state, attributes::text FROM simulated_resource"
                + " WHERE environment_id = ? AND component = ?", SimulatedStore::resource, env.environmentId(),
                component).stream().findFirst();
    }

    List<SimulatedResource> all(EnvironmentRef env) {
        return jdbc.query("SELECT component, resource_id, arn, state, attributes::text FROM simulated_resource"
                + " WHERE environment_id = ? ORDER BY id", SimulatedStore::resource, env.environmentId());
    }

    /** How many resources of the component have the attribute (e.g. environments' network parts in one VPC). */
    int countWithAttribute(String component, String key, String value) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM simulated_resource WHERE component = ?"
                + " AND attributes ->> ? = ?", Integer.class, component, key, value);
        return count == null ? 0 : count;
    }

    /** Stores the resource unless the component exists already; returns what is stored either way. */
    SimulatedResource insert(EnvironmentRef env, SimulatedResource resource) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO simulated_resource (account_id, region, environment_id, component, resource_id, arn, state,
                                                attributes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (environment_id, component) DO NOTHING""", env.target().accountId(),
                env.target().region(), env.environmentId(), resource.component(), resource.resourceId(), resource.arn(),
                resource.state(), JSON.writeValueAsString(resource.attributes()), now, now);
        return find(env, resource.component()).orElseThrow();
    }

    void update(EnvironmentRef env, String component, String state, Map<String, Object> attributes) {
        jdbc.update("UPDATE simulated_resource SET state = ?, attributes = CAST(? AS jsonb), updated_at = ?"
                + " WHERE environment_id = ? AND component = ?", state, JSON.writeValueAsString(attributes),
                Timestamp.from(clock.instant()), env.environmentId(), component);
    }

    /** Puts another resource in the component's place (a replaced NAT instance: new id, ARN and details). */
    void replace(EnvironmentRef env, SimulatedResource resource) {
        jdbc.update("UPDATE simulated_resource SET resource_id = ?, arn = ?, state = ?, attributes = CAST(? AS jsonb),"
                + " updated_at = ? WHERE environment_id = ? AND component = ?", resource.resourceId(), resource.arn(),
                resource.state(), JSON.writeValueAsString(resource.attributes()), Timestamp.from(clock.instant()),
                env.environmentId(), resource.component());
    }

    void delete(EnvironmentRef env, String component) {
        jdbc.update("DELETE FROM simulated_resource WHERE environment_id = ? AND component = ?",
                env.environmentId(), component);
    }

    Optional<String> role(String accountId, String name) {
        return jdbc.queryForList("SELECT arn FROM simulated_account_role WHERE account_id = ? AND name = ?",
                String.class, accountId, name).stream().findFirst();
    }

    String insertRole(String accountId, String name, String arn) {
        jdbc.update("INSERT INTO simulated_account_role (account_id, name, arn, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", accountId, name, arn, Timestamp.from(clock.instant()));
        return role(accountId, name).orElseThrow();
    }

    void putSecret(EnvironmentRef env, String name, String arn, String ciphertext) {
        jdbc.update("""
                INSERT INTO simulated_secret (environment_id, name, arn, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (environment_id, name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,
                                                               updated_at = EXCLUDED.updated_at""",
                env.environmentId(), name, arn, ciphertext, Timestamp.from(clock.instant()));
    }

    Optional<String> secretCiphertext(EnvironmentRef env, String name) {
        return jdbc.queryForList("SELECT ciphertext FROM simulated_secret WHERE environment_id = ? AND name = ?",
                String.class, env.environmentId(), name).stream().findFirst();
    }

    List<String> secretArns(EnvironmentRef env) {
        return jdbc.queryForList("SELECT arn FROM simulated_secret WHERE environment_id = ? ORDER BY name",
                String.class, env.environmentId());
    }

    void deleteSecrets(EnvironmentRef env) {
        jdbc.update("DELETE FROM simulated_secret WHERE environment_id = ?", env.environmentId());
    }

    /** Notes that the environment's service runs {@code runningCount} tasks from now on. */
    void recordScaling(EnvironmentRef env, int runningCount) {
        jdbc.update("INSERT INTO simulated_service_scaling (environment_id, changed_at, running_count) VALUES (?, ?, ?)",
                env.environmentId(), Timestamp.from(clock.instant()), runningCount);
    }

    /** The service's changes before {@code until}, oldest first: the last one before a time says what ran then. */
    List<SimulatedMcpMetrics.Scaling> scalingHistory(EnvironmentRef env, Instant until) {
        return jdbc.query("SELECT changed_at, running_count FROM simulated_service_scaling"
                + " WHERE environment_id = ? AND changed_at < ? ORDER BY changed_at, id",
                (rs, row) -> new SimulatedMcpMetrics.Scaling(rs.getTimestamp(1).toInstant(), rs.getInt(2)),
                env.environmentId(), Timestamp.from(until));
    }

    /** The newest AMI the simulated cloud published for NAT instances of the architecture in the region. */
    Optional<MachineImage> newestNatImage(String region, String architecture) {
        return jdbc.query("SELECT image_id, name, created_at FROM simulated_nat_image WHERE region = ?"
                + " AND architecture = ? ORDER BY created_at DESC, image_id DESC LIMIT 1", SimulatedStore::image,
                region, architecture).stream().findFirst();
    }

    Optional<MachineImage> natImage(String imageId) {
        return jdbc.query("SELECT image_id, name, created_at FROM simulated_nat_image WHERE image_id = ?",
                SimulatedStore::image, imageId).stream().findFirst();
    }

    void insertNatImage(MachineImage image, String region, String architecture) {
        jdbc.update("INSERT INTO simulated_nat_image (image_id, region, architecture, name, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", image.imageId(), region, architecture, image.name(),
                Timestamp.from(image.createdAt()));
    }

    static Map<String, Object> attributes(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static MachineImage image(ResultSet rs, int row) throws SQLException {
        return new MachineImage(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
    }

    private static SimulatedResource resource(ResultSet rs, int row) throws SQLException {
        return new SimulatedResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                JSON.readValue(rs.getString(5), MAP));
    }
}
