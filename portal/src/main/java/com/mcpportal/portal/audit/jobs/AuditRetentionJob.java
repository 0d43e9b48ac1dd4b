package com.mcpportal.portal.audit.jobs;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditPruner;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** The daily pruning of events the retention setting no longer keeps (does nothing while it keeps forever). */
@DisallowConcurrentExecution
class AuditRetentionJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

    private final AuditPruner pruner;

    AuditRetentionJob(AuditPruner pruner) {
        this.pruner = pruner;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        AuditPruner.Result result = pruner.prune(AuditEntry.SCHEDULER);
        if (result.problem() != null) {
            log.warn("Audit retention: {}", result.summary());
        }
        else if (result.pruned() > 0) {
            log.info("Audit retention: {}", result.summary());
        }
    }
}
