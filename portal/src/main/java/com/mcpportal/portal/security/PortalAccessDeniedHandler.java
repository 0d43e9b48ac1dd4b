package com.mcpportal.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.mcpportal.portal.web.ErrorReason;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 403 page with a reason people understand; an expired sign-in form simply goes back to the login page. */
class PortalAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (denied instanceof CsrfException && "/login".equals(path)) {
            response.sendRedirect(request.getContextPath() + "/login?error=" + SignInOutcome.EXPIRED.code);
            return;
        }
        String reason;
        if (denied instanceof CsrfException) {
            reason = "The form was sent without a valid security token, for example because your session expired. "
                    + "Go back, reload the page and try again.";
        }
        else if (denied instanceof RoleRequiredException) {
            reason = denied.getMessage();
        }
        else {
            reason = "You do not have the role this page needs.";
        }
        ErrorReason.set(request, reason);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
