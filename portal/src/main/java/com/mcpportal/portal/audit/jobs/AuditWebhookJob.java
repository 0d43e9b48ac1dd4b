package com.mcpportal.portal.audit.jobs;

import com.mcpportal.portal.audit.AuditWebhook;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** Delivers new audit events to the SIEM webhook; one instance at a time across the cluster. */
@DisallowConcurrentExecution
class AuditWebhookJob extends QuartzJobBean {

    private final AuditWebhook webhook;

    AuditWebhookJob(AuditWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        webhook.deliverPending();
    }
}
