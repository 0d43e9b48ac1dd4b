package com.mcpportal.portal.environment.operation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A PostgreSQL session advisory lock per operation, held on its own connection while the operation runs. However
 * an operation gets queued twice (Quartz recovery and the orphan pass on two instances), only one runner gets
 * the lock; if the process dies, the session ends and PostgreSQL releases the lock.
 */
@Component
class OperationLocks {

    /** Lock class for operations ("OP"), so these locks cannot collide with other advisory locks. */
    private static final int LOCK_CLASS = 0x4F50;

    private final DataSource dataSource;

    OperationLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or null when another runner holds it. */
    Held tryLock(long operationId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "SELECT pg_try_advisory_lock(?, ?)", operationId)) {
                return new Held(connection, operationId);
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock operation " + operationId, e);
        }
    }

    /** A lock to release with {@link #close()}. */
    static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long operationId;

        private Held(Connection connection, long operationId) {
            this.connection = connection;
            this.operationId = operationId;
        }

        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", operationId);
            } catch (SQLException ignored) {
                // Closing the session releases it as well.
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static boolean call(Connection connection, String sql, long operationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, (int) operationId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }
}
