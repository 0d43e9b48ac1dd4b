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
import com.mcpportal.portal.user.UserAccounts;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so what an administrator or the user does elsewhere holds at
 * once, on every portal instance and not only the one where it was clicked: a disabled account's sessions end; a
 * session signed in before the password was changed or reset (an older credential epoch), or ended from the
 * account page, ends; and a user who must change their password can do nothing else first.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of(
            AccountController.PASSWORD_PATH, "/logout", "/error");

    private final UserAccounts users;
    private final PortalSessions sessions;

    ActiveAccountFilter(UserAccounts users, PortalSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PortalUserPrincipal> principal = CurrentUser.find();
        if (principal.isPresent()) {
            Optional<UserAccount> account = users.find(principal.get().id());
            HttpSession session = request.getSession(false);
            Long sessionId = PortalSessions.idOf(session);
            if (account.isEmpty() || !account.get().isEnabled()) {
                signOut(request, response, sessionId, "account-disabled", SignInOutcome.DISABLED);
                return;
            }
            if (account.get().getCredentialEpoch() != principal.get().credentialEpoch()
                    || (sessionId != null && !sessions.stillOpen(sessionId))) {
                signOut(request, response, sessionId, "credentials-changed", SignInOutcome.SESSION_ENDED);
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

    private void signOut(HttpServletRequest request, HttpServletResponse response, Long sessionId, String reason,
                         SignInOutcome outcome) throws IOException {
        if (sessionId != null) {
            sessions.ended(sessionId, reason);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?error=" + outcome.code);
    }
}
