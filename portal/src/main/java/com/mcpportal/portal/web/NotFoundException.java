package com.mcpportal.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answers 404. Thrown for ids that do not exist <em>and</em> for ids the caller may not see, so a response never
 * tells an outsider whether another team's resource exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
