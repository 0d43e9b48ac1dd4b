package com.mcpportal.portal.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the statements executed through its connections (each {@code execute…} call; a JDBC
 * batch would count once), so a test can check how many statements a piece of code costs.
 */
final class CountingDataSource extends DelegatingDataSource {

    private static final ClassLoader LOADER = CountingDataSource.class.getClassLoader();

    private final AtomicInteger executed = new AtomicInteger();

    CountingDataSource(DataSource target) {
        super(target);
    }

    /** Statements executed since the last call; starts counting again from zero. */
    int takeCount() {
        return executed.getAndSet(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(LOADER, new Class<?>[] {Connection.class}, (self, method, args) -> {
            Object result = invoke(connection, method, args);
            return result instanceof Statement ? counting(method.getReturnType(), result) : result;
        });
    }

    private Object counting(Class<?> statementType, Object statement) {
        return Proxy.newProxyInstance(LOADER, new Class<?>[] {statementType}, (self, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}
