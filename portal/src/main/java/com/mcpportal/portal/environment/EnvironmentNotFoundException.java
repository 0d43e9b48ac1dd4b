package com.mcpportal.portal.environment;

import com.mcpportal.portal.web.NotFoundException;

/** 404 for an environment that does not exist or belongs to another team: the two look the same. */
public class EnvironmentNotFoundException extends NotFoundException {

    public EnvironmentNotFoundException() {
        super("No such environment");
    }
}
