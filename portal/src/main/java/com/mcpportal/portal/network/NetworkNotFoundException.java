package com.mcpportal.portal.network;

import com.mcpportal.portal.web.NotFoundException;

/** 404 for a network that does not exist or that the team may not use: the two look the same. */
public class NetworkNotFoundException extends NotFoundException {

    public NetworkNotFoundException() {
        super("No such network");
    }
}
