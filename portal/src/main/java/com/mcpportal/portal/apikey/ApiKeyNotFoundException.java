package com.mcpportal.portal.apikey;

import com.mcpportal.portal.web.NotFoundException;

/** No such key in this team (or it belongs to another team: the same answer). */
public class ApiKeyNotFoundException extends NotFoundException {

    public ApiKeyNotFoundException() {
        super("No such API key in this team.");
    }
}
