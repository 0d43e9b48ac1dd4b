package com.mcpportal.portal.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A PostgreSQL session advisory lock per network, held on a connection of its own while a step makes or finds the
 * network's resources. EC2 has no idempotency token for a VPC, so two environments provisioned into a new network at
 * the same moment (on one portal instance or two) would otherwise each make a VPC and launch a NAT instance; with the
 * lock the second waits, then finds the first's by their tags. If the process dies, the session ends and PostgreSQL
 * releases the lock.
 */
@Component
class NetworkLocks {

    /** Lock class for networks ("NE"), apart from the operations' ("OP"). */
    private static final int LOCK_CLASS = 0x4E45;

    private final DataSource dataSource;

    NetworkLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T exclusively(long networkId, Supplier<T> body) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            call(connection, "SELECT pg_advisory_lock(?, ?)", networkId);
            try {
                return body.get();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", networkId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock network " + networkId, e);
        }
    }

    private static void call(Connection connection, String sql, long networkId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, (int) networkId);
            statement.execute();
        }
    }
}
