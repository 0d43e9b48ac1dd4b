package com.mcpportal.portal.audit.jobs;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditVerifications;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** The daily chain verification; the result lands in the history like a run from the button. */
@DisallowConcurrentExecution
class AuditVerificationJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(AuditVerificationJob.class);

    private final AuditVerifications verifications;

    AuditVerificationJob(AuditVerifications verifications) {
        this.verifications = verifications;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        AuditChainReport report = verifications.run(AuditEntry.SCHEDULER).report();
        if (report.intact()) {
            log.info("Audit chain verification: {}", report.summary());
        }
        else {
            log.error("Audit chain verification: {}", report.summary());
        }
    }
}
