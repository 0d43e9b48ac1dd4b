package com.mcpportal.portal.cloud.account;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;

import org.springframework.stereotype.Component;

/** Audit events about a cloud account link to its administration page, for readers of the whole log. */
@Component
class CloudAccountAuditTargetLinks implements AuditTargetLinks {

    private final CloudAccountRepository accounts;

    CloudAccountAuditTargetLinks(CloudAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String targetType() {
        return "cloud-account";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        if (!reader.everything()) {
            return Optional.empty();
        }
        return AuditTargetLinks.numericId(targetId).flatMap(accounts::findById)
                .map(account -> new AuditTargetLink("cloud account " + account.getName(),
                        "/admin/cloud-accounts/" + account.getId()));
    }
}
