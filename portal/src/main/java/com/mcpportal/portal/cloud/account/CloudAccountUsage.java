package com.mcpportal.portal.cloud.account;

/**
 * How many environments a cloud account holds, answered by the environment feature (which owns them and depends on
 * this one), so that cloud accounts never read the environment table themselves.
 */
public interface CloudAccountUsage {

    /** Environments ever created in the account, deleted ones included (their history refers to it). */
    long environmentsIn(long cloudAccountId);

    /** Environments in the account that are not deleted: their resources would be lost to a changed mode. */
    long liveEnvironmentsIn(long cloudAccountId);
}
