package com.mcpportal.portal.cloud.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.ConnectionCheck;

/** A place environments run: an AWS account (optionally through an assumed role) or the simulated cloud. */
@Entity
@Table(name = "cloud_account")
public class CloudAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private CloudAccountMode mode;

    private String defaultRegion;

    private String roleArn;

    private String externalId;

    private String executionRoleArn;

    private String taskRoleArn;

    private Instant lastCheckAt;

    private Boolean lastCheckOk;

    private String lastCheckMessage;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected CloudAccount() {
    }

    CloudAccount(CloudAccountSettings settings, Instant now) {
        this.createdAt = now;
        apply(settings, now);
    }

    void apply(CloudAccountSettings settings, Instant now) {
        this.name = settings.name();
        this.mode = settings.mode();
        this.defaultRegion = settings.defaultRegion();
        this.roleArn = settings.roleArn();
        this.externalId = settings.externalId();
        this.executionRoleArn = settings.executionRoleArn();
        this.taskRoleArn = settings.taskRoleArn();
        this.updatedAt = now;
    }

    void recordCheck(ConnectionCheck check, Instant now) {
        this.lastCheckAt = now;
        this.lastCheckOk = check.ok();
        this.lastCheckMessage = check.message();
    }

    /** Where an environment of this account in {@code region} lives; the account id is this row's id. */
    public CloudTarget target(String region) {
        return new CloudTarget(String.valueOf(id), region, roleArn, externalId);
    }

    /** The roles given in the settings, or null when the portal should create them ({@code ensureAccountRoles}). */
    public AccountRoles configuredRoles() {
        return executionRoleArn != null && taskRoleArn != null ? new AccountRoles(executionRoleArn, taskRoleArn) : null;
    }

    public CloudAccountSettings settings() {
        return new CloudAccountSettings(name, mode, defaultRegion, roleArn, externalId, executionRoleArn, taskRoleArn);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CloudAccountMode getMode() {
        return mode;
    }

    public boolean isSimulated() {
        return mode == CloudAccountMode.SIMULATED;
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getExecutionRoleArn() {
        return executionRoleArn;
    }

    public String getTaskRoleArn() {
        return taskRoleArn;
    }

    public Instant getLastCheckAt() {
        return lastCheckAt;
    }

    public Boolean getLastCheckOk() {
        return lastCheckOk;
    }

    public String getLastCheckMessage() {
        return lastCheckMessage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
