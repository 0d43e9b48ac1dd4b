package com.mcpportal.portal.environment.operation;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job that runs one operation (Spring creates it, so the runner is injected). */
class OperationJob implements Job {

    static final String OPERATION_ID = "operationId";

    private final OperationRunner runner;

    OperationJob(OperationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.run(context.getMergedJobDataMap().getLong(OPERATION_ID));
    }
}
