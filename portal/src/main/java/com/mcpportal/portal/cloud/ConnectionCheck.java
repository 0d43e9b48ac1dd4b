package com.mcpportal.portal.cloud;

/** The result of a "test connection": who the portal is in the account, or why it could not tell. */
public record ConnectionCheck(boolean ok, String account, String arn, String message) {

    public static ConnectionCheck success(String account, String arn) {
        return new ConnectionCheck(true, account, arn, "Connected to account " + account + " as " + arn);
    }

    public static ConnectionCheck failure(String message) {
        return new ConnectionCheck(false, null, null, message);
    }
}
