package com.mcpportal.portal.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The network feature's tables: networks, the teams an administrator shares one with, and their environments. */
@Repository
class NetworkStore {

    private static final String COLUMNS = """
            SELECT n.id, n.team_id, n.cloud_account_id, n.name, n.region, n.vpc_cidr, n.az_count, n.nat_per_az,
                   n.created_at, COALESCE((SELECT array_agg(t.team_id ORDER BY t.team_id) FROM network_team t
                                           WHERE t.network_id = n.id), '{}') AS shared_with
            FROM network n""";

    private final JdbcTemplate jdbc;

    NetworkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long teamId, NetworkInput input, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO network (team_id, cloud_account_id, name, region, vpc_cidr, az_count, nat_per_az, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setObject(1, teamId);
            statement.setLong(2, input.cloudAccountId());
            statement.setString(3, input.name());
            statement.setString(4, input.region());
            statement.setString(5, input.vpcCidr());
            statement.setInt(6, input.azCount());
            statement.setBoolean(7, input.natPerAz());
            statement.setTimestamp(8, Timestamp.from(now));
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        for (Long team : input.sharedWith()) {
            jdbc.update("INSERT INTO network_team (network_id, team_id) VALUES (?, ?)", id, team);
        }
        return id;
    }

    boolean nameTaken(Long teamId, String name) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM network WHERE COALESCE(team_id, 0) = ? AND lower(name) = lower(?)",
                Integer.class, teamId == null ? 0 : teamId, name);
        return count != null && count > 0;
    }

    Optional<Network> find(long id) {
        return jdbc.query(COLUMNS + " WHERE n.id = ?", NetworkStore::network, id).stream().findFirst();
    }

    /** The team's own networks and those shared with it, by name. */
    List<Network> usableBy(long teamId) {
        return jdbc.query(COLUMNS + " WHERE n.team_id = ? OR EXISTS (SELECT 1 FROM network_team t WHERE t.network_id = n.id"
                + " AND t.team_id = ?) ORDER BY lower(n.name), n.id", NetworkStore::network, teamId, teamId);
    }

    List<Network> all() {
        return jdbc.query(COLUMNS + " ORDER BY n.team_id NULLS FIRST, lower(n.name), n.id", NetworkStore::network);
    }

    /**
     * The ids of the environments in the network, in the order they joined; one still moving in is not in it yet (one
     * moving out still is).
     */
    List<Long> environmentIds(long networkId) {
        return jdbc.queryForList("SELECT environment_id FROM network_environment WHERE network_id = ?"
                + " AND move IS DISTINCT FROM 'IN' ORDER BY joined_at, environment_id", Long.class, networkId);
    }

    /** The same, and those moving in: all whose services may run behind the network's NAT now. */
    List<Long> environmentIdsWithArriving(long networkId) {
        return jdbc.queryForList("SELECT environment_id FROM network_environment WHERE network_id = ?"
                + " ORDER BY joined_at, environment_id", Long.class, networkId);
    }

    /** The network the environment is in (or moving out of); not one it is still moving into. */
    Optional<Long> networkOf(long environmentId) {
        return jdbc.queryForList("SELECT network_id FROM network_environment WHERE environment_id = ?"
                + " AND move IS DISTINCT FROM 'IN'", Long.class, environmentId).stream().findFirst();
    }

    /** The network the environment's operations work in: the one it is in, or moving into or out of. */
    Optional<Long> placementNetworkOf(long environmentId) {
        return jdbc.queryForList("SELECT network_id FROM network_environment WHERE environment_id = ?", Long.class,
                environmentId).stream().findFirst();
    }

    /** {@code IN} or {@code OUT} while a move of the environment runs (or failed); empty otherwise. */
    Optional<String> moveOf(long environmentId) {
        return jdbc.queryForList("SELECT move FROM network_environment WHERE environment_id = ? AND move IS NOT NULL",
                String.class, environmentId).stream().findFirst();
    }

    /** The environment moves into the network: its row, with its subnet range, is there but it is not a member yet. */
    void addArriving(long networkId, long environmentId, String privateSubnetCidr, Instant now) {
        jdbc.update("INSERT INTO network_environment (environment_id, network_id, joined_at, private_subnet_cidr, move)"
                + " VALUES (?, ?, ?, ?, 'IN')", environmentId, networkId, Timestamp.from(now), privateSubnetCidr);
    }

    /** The environment moves out of its network: it stays a member until the move has ended. */
    void markLeaving(long environmentId) {
        jdbc.update("UPDATE network_environment SET move = 'OUT' WHERE environment_id = ?", environmentId);
    }

    /** The move has ended: a member of the network it moved into from {@code now}, or out of the one it left. */
    void completeMove(long environmentId, Instant now) {
        jdbc.update("DELETE FROM network_environment WHERE environment_id = ? AND move = 'OUT'", environmentId);
        jdbc.update("UPDATE network_environment SET move = NULL, joined_at = ? WHERE environment_id = ?"
                + " AND move = 'IN'", Timestamp.from(now), environmentId);
    }

    void addEnvironment(long networkId, long environmentId, String privateSubnetCidr, Instant now) {
        jdbc.update("INSERT INTO network_environment (environment_id, network_id, joined_at, private_subnet_cidr)"
                + " VALUES (?, ?, ?, ?)", environmentId, networkId, Timestamp.from(now), privateSubnetCidr);
    }

    /** The private subnet range allocated to the environment, if any. */
    Optional<String> subnetOf(long environmentId) {
        return jdbc.queryForList("SELECT private_subnet_cidr FROM network_environment WHERE environment_id = ?"
                + " AND private_subnet_cidr IS NOT NULL", String.class, environmentId).stream().findFirst();
    }

    /** Every private subnet range ever allocated in the network (deleted environments' too: never given twice). */
    List<String> takenSubnets(long networkId) {
        return jdbc.queryForList("SELECT private_subnet_cidr FROM network_environment WHERE network_id = ?"
                + " AND private_subnet_cidr IS NOT NULL UNION ALL SELECT second_private_subnet_cidr FROM"
                + " network_environment WHERE network_id = ? AND second_private_subnet_cidr IS NOT NULL", String.class,
                networkId, networkId);
    }

    /** The environment's private subnet range in the second zone of a network of two, if allocated. */
    Optional<String> secondSubnetOf(long environmentId) {
        return jdbc.queryForList("SELECT second_private_subnet_cidr FROM network_environment WHERE environment_id = ?"
                + " AND second_private_subnet_cidr IS NOT NULL", String.class, environmentId).stream().findFirst();
    }

    void recordSecondSubnet(long environmentId, String privateSubnetCidr) {
        jdbc.update("UPDATE network_environment SET second_private_subnet_cidr = ? WHERE environment_id = ?",
                privateSubnetCidr, environmentId);
    }

    /** The private subnet range of each environment in the network that has one, by environment id. */
    Map<Long, String> subnetsByEnvironment(long networkId) {
        Map<Long, String> subnets = new LinkedHashMap<>();
        jdbc.query("SELECT environment_id, private_subnet_cidr FROM network_environment WHERE network_id = ?"
                + " AND private_subnet_cidr IS NOT NULL ORDER BY environment_id",
                rs -> { subnets.put(rs.getLong(1), rs.getString(2)); }, networkId);
        return subnets;
    }

    void recordSubnet(long environmentId, String privateSubnetCidr) {
        jdbc.update("UPDATE network_environment SET private_subnet_cidr = ? WHERE environment_id = ?",
                privateSubnetCidr, environmentId);
    }

    void removeEnvironment(long networkId, long environmentId) {
        jdbc.update("DELETE FROM network_environment WHERE network_id = ? AND environment_id = ?", networkId, environmentId);
    }

    /** Deletes the network with the rows of its environments' history (callers check none still exists). */
    void delete(long networkId) {
        jdbc.update("DELETE FROM network_environment WHERE network_id = ?", networkId);
        jdbc.update("DELETE FROM network WHERE id = ?", networkId);
    }

    /** Locks the network's row, so two requests adding or deleting at once take turns. */
    void lock(long networkId) {
        jdbc.query("SELECT id FROM network WHERE id = ? FOR UPDATE", rs -> { }, networkId);
    }

    private static Network network(ResultSet rs, int row) throws SQLException {
        Long[] shared = (Long[]) rs.getArray("shared_with").getArray();
        long team = rs.getLong("team_id");
        Long teamId = rs.wasNull() ? null : team;
        return new Network(rs.getLong("id"), teamId, rs.getLong("cloud_account_id"),
                rs.getString("name"), rs.getString("region"), rs.getString("vpc_cidr"), rs.getInt("az_count"),
                rs.getBoolean("nat_per_az"), rs.getTimestamp("created_at").toInstant(), List.of(shared));
    }
}
