package com.mcpportal.portal.cloud.account;

import com.mcpportal.portal.web.NotFoundException;

/** 404 for an unknown cloud account id. */
public class CloudAccountNotFoundException extends NotFoundException {

    public CloudAccountNotFoundException() {
        super("No such cloud account");
    }
}
