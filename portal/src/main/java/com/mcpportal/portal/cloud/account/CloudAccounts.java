package com.mcpportal.portal.cloud.account;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.ConnectionCheck;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cloud accounts: registering, changing and testing them (platform administrators), and looking them up for
 * environments. Every change is audited; the rules below are checked before anything is written.
 */
@Service
public class CloudAccounts {

    static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private final CloudAccountRepository accounts;
    private final CloudProviders providers;
    private final AuditLog auditLog;
    private final CloudAccountUsage usage;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CloudAccounts(CloudAccountRepository accounts, CloudProviders providers, AuditLog auditLog,
            CloudAccountUsage usage, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.auditLog = auditLog;
        this.usage = usage;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CloudAccount> all() {
        return accounts.findAllByOrderByNameAsc();
    }

    /** One keyset page of the accounts by id, after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<CloudAccount> page(long afterId, int limit) {
        return accounts.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public CloudAccount get(long id) {
        return accounts.findById(id).orElseThrow(CloudAccountNotFoundException::new);
    }

    @Transactional
    public CloudAccount create(CloudAccountSettings settings) {
        validate(settings);
        if (accounts.existsByNameIgnoreCase(settings.name())) {
            throw duplicateName(settings.name());
        }
        CloudAccount account = new CloudAccount(settings, clock.instant());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException race) {
            throw duplicateName(settings.name());
        }
        auditLog.record(changed("cloud-account.created", account));
        return account;
    }

    /** Whether environments with resources use the account, so its mode cannot change (see {@link #update}). */
    @Transactional(readOnly = true)
    public boolean modeLocked(long id) {
        return usage.liveEnvironmentsIn(id) > 0;
    }

    @Transactional
    public CloudAccount update(long id, CloudAccountSettings settings) {
        validate(settings);
        CloudAccount account = get(id);
        if (accounts.existsByNameIgnoreCaseAndIdNot(settings.name(), id)) {
            throw duplicateName(settings.name());
        }
        if (account.getMode() != settings.mode() && modeLocked(id)) {
            throw new InvalidInputException("mode", "Environments use this account; their resources would be lost"
                    + " to the portal if its mode changed. Deprovision them first.");
        }
        account.apply(settings, clock.instant());
        try {
            accounts.flush();
        } catch (DataIntegrityViolationException race) {
            throw duplicateName(settings.name());
        }
        providers.accountChanged(account);
        auditLog.record(changed("cloud-account.updated", account));
        return account;
    }

    /** Deletes an account no environment uses (deleted environments included: their history refers to it). */
    @Transactional
    public void delete(long id) {
        CloudAccount account = get(id);
        if (usage.environmentsIn(id) > 0) {
            throw new InvalidInputException(null, "Environments were created in " + account.getName()
                    + "; an account with environments (deleted ones included) cannot be removed.");
        }
        accounts.delete(account);
        providers.accountChanged(account);
        auditLog.record(AuditEntry.success("cloud-account.deleted").target("cloud-account", id)
                .detail("name", account.getName()));
    }

    /**
     * Asks the cloud who the portal is in this account (STS GetCallerIdentity through the port), remembers and
     * audits the answer. The call runs outside any transaction: it may take seconds.
     */
    public ConnectionCheck testConnection(long id) {
        CloudAccount account = get(id);
        ConnectionCheck check;
        try {
            check = providers.forAccount(account).testConnection(account.target(account.getDefaultRegion()));
        } catch (RuntimeException e) {
            check = ConnectionCheck.failure("The connection test failed: " + e.getClass().getSimpleName());
        }
        ConnectionCheck result = check;
        transactions.executeWithoutResult(status -> {
            accounts.findById(id).ifPresent(found -> found.recordCheck(result, clock.instant()));
            auditLog.record((result.ok() ? AuditEntry.success("cloud-account.connection-tested")
                    : AuditEntry.failure("cloud-account.connection-tested")).target("cloud-account", id)
                    .detail("name", account.getName()).detail("result", result.message()));
        });
        return result;
    }

    static void validate(CloudAccountSettings settings) {
        if (settings.name() == null) {
            throw new InvalidInputException("name", "Enter a name.");
        }
        if (settings.mode() == null) {
            throw new InvalidInputException("mode", "Choose AWS or Simulated.");
        }
        AwsRegions.validate(settings.defaultRegion()).ifPresent(message -> {
            throw new InvalidInputException("defaultRegion", message);
        });
        if (settings.mode() == CloudAccountMode.SIMULATED) {
            if (settings.roleArn() != null || settings.externalId() != null || settings.executionRoleArn() != null
                    || settings.taskRoleArn() != null) {
                throw new InvalidInputException("roleArn", "A simulated account has no roles; leave the role fields"
                        + " empty or choose AWS.");
            }
            return;
        }
        requireRoleArn("roleArn", settings.roleArn());
        requireRoleArn("executionRoleArn", settings.executionRoleArn());
        requireRoleArn("taskRoleArn", settings.taskRoleArn());
        if (settings.externalId() != null) {
            if (settings.roleArn() == null) {
                throw new InvalidInputException("externalId", "An external id is sent when assuming a role; enter"
                        + " the role ARN too, or leave this empty.");
            }
            if (!EXTERNAL_ID.matcher(settings.externalId()).matches()) {
                throw new InvalidInputException("externalId", "An external id has 2 to 1224 letters, digits or"
                        + " + = , . @ : / - _");
            }
        }
        if ((settings.executionRoleArn() == null) != (settings.taskRoleArn() == null)) {
            throw new InvalidInputException(settings.executionRoleArn() == null ? "executionRoleArn" : "taskRoleArn",
                    "Give both the task execution role and the task role, or neither (the portal then creates them).");
        }
    }

    private static void requireRoleArn(String field, String arn) {
        if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
            throw new InvalidInputException(field, "Enter an IAM role ARN like"
                    + " arn:aws:iam::123456789012:role/mcp-portal.");
        }
    }

    private static AuditEntry changed(String action, CloudAccount account) {
        // Role ARNs and external ids are identifiers, not secrets; they show who the portal acts as.
        return AuditEntry.success(action).target("cloud-account", account.getId())
                .detail("name", account.getName()).detail("mode", account.getMode().name())
                .detail("defaultRegion", account.getDefaultRegion())
                .detail("roleArn", String.valueOf(account.getRoleArn()))
                .detail("externalIdSet", account.getExternalId() != null)
                .detail("executionRoleArn", String.valueOf(account.getExecutionRoleArn()))
                .detail("taskRoleArn", String.valueOf(account.getTaskRoleArn()));
    }

    private static InvalidInputException duplicateName(String name) {
        return new InvalidInputException("name", "A cloud account named '" + name + "' already exists.");
    }
}
