package com.mcpportal.portal.environment.operation;

import java.util.concurrent.atomic.AtomicBoolean;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For other features' tests: the next step of one environment's operations fails once, as EC2 refuses a call it is
 * not allowed (only that environment's: the context is shared with other tests' operations). {@link #close} stops it.
 */
public final class FailingSteps implements AutoCloseable {

    private final OperationRunner runner;

    private FailingSteps(OperationRunner runner) {
        this.runner = runner;
    }

    public static FailingSteps failNextStepOf(ApplicationContext context, long environmentId) {
        OperationRunner runner = context.getBean(OperationRunner.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                boolean ours = Long.valueOf(environmentId).equals(jdbc.queryForObject(
                        "SELECT environment_id FROM operation WHERE id = ?", Long.class, operationId));
                if (ours && failOnce.getAndSet(false)) {
                    throw new CloudException(CloudErrorKind.ACCESS_DENIED, step, "ec2", "UnauthorizedOperation",
                            "You are not authorized to perform this operation.", null);
                }
            }
        });
        return new FailingSteps(runner);
    }

    @Override
    public void close() {
        runner.observeWith(null);
    }
}
