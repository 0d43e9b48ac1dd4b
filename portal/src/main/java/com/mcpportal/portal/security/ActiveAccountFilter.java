package com.mcpportal.portal.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountRepository;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so disabling a user ends their sessions at once (on every
 * portal instance, not only the one where the admin clicked), and a user who must change their password can do
 * nothing else first.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of(
            AccountController.PASSWORD_PATH, "/logout", "/error");

    private final UserAccountRepository users;

    ActiveAccountFilter(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PortalUserPrincipal> principal = CurrentUser.find();
        if (principal.isPresent()) {
            Optional<UserAccount> account = users.findById(principal.get().id());
            if (account.isEmpty() || !account.get().isEnabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?error=" + SignInOutcome.DISABLED.code);
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (account.get().isMustChangePassword() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(path)
                    && !path.startsWith("/css/")) {
                response.sendRedirect(request.getContextPath() + AccountController.PASSWORD_PATH);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
