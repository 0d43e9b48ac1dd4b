package com.mcpportal.portal.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller may see the resource but lacks the role for this action; answered with 403 and this message
 * (which must therefore name only the role, never anything the caller could not already see).
 */
public class RoleRequiredException extends AccessDeniedException {

    public RoleRequiredException(String message) {
        super(message);
    }
}
