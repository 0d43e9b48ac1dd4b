package com.mcpportal.portal.team;

import com.mcpportal.portal.web.NotFoundException;

/** 404 for a team that does not exist or that the caller is not a member of: the two look the same. */
public class TeamNotFoundException extends NotFoundException {

    public TeamNotFoundException() {
        super("No such team");
    }
}
