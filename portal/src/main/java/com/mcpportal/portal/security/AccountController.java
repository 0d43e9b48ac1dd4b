package com.mcpportal.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: who they are, their open sessions (each can be ended), and changing their
 * password, which ends every other session.
 */
@Controller
class AccountController {

    static final String PASSWORD_PATH = "/account/password";
    private static final String PROFILE_VIEW = "account/profile";
    private static final String PASSWORD_VIEW = "account/password";

    private final UserAccountService users;
    private final PortalSessions sessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(UserAccountService users, PortalSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String profile(Model model, HttpServletRequest request) {
        long userId = CurrentUser.get().id();
        model.addAttribute("account", users.get(userId));
        model.addAttribute("sessions", sessions.open(userId, PortalSessions.idOf(request.getSession(false))));
        return PROFILE_VIEW;
    }

    /**
     * The address the portal writes to (notifications of the teams this person owns); blank removes it, an account of
     * a sign-in provider then gets the provider's address. Refused beside the field.
     */
    @PostMapping("/account/email")
    String changeEmail(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
                       RedirectAttributes redirect) {
        long userId = CurrentUser.get().id();
        try {
            UserAccount account = users.changeOwnEmail(userId, email);
            Flash.success(redirect, account.getEmail() == null ? "Removed your e-mail address."
                    : "Saved your e-mail address: the notifications of the teams you own go to "
                    + account.getEmail() + ".");
            return "redirect:/account";
        } catch (InvalidInputException rejected) {
            model.addAttribute("emailError", rejected.getMessage());
            model.addAttribute("typedEmail", email);
            return profile(model, request);
        }
    }

    @PostMapping("/account/sessions/{sessionId}/end")
    String endSession(@PathVariable long sessionId, RedirectAttributes redirect) {
        if (!sessions.end(CurrentUser.get().id(), sessionId, "ended-by-user")) {
            throw new NotFoundException("No such session");
        }
        Flash.success(redirect, "The session is ended: its next request goes to the sign-in page.");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/end-others")
    String endOtherSessions(HttpServletRequest request, RedirectAttributes redirect) {
        int ended = sessions.endAllExcept(CurrentUser.get().id(), PortalSessions.idOf(request.getSession(false)),
                "ended-by-user");
        Flash.success(redirect, ended == 1 ? "Ended 1 other session." : "Ended " + ended + " other sessions.");
        return "redirect:/account";
    }

    @GetMapping(PASSWORD_PATH)
    String passwordForm(Model model) {
        return showPasswordForm(model, PasswordChangeForm.empty());
    }

    @PostMapping(PASSWORD_PATH)
    String changePassword(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult errors, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "mismatch", "The two new passwords differ.");
        }
        if (!errors.hasErrors()) {
            try {
                PortalUserPrincipal user = CurrentUser.get();
                users.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword());
                int ended = sessions.endAllExcept(user.id(), PortalSessions.idOf(request.getSession(false)),
                        "password-changed");
                carryOn(user.withCredentialEpoch(users.get(user.id()).getCredentialEpoch()), request, response);
                Flash.success(redirect, "Your password is changed" + (ended == 0 ? "."
                        : "; your " + (ended == 1 ? "other session has" : ended + " other sessions have") + " ended.")
                        + " Your access tokens still work: revoke any you do not recognise under Access tokens.");
                return "redirect:/teams";
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        // The template never writes password values back into the page, only the messages.
        return showPasswordForm(model, form);
    }

    /**
     * This session survives its own password change: it carries on under the new credential epoch, with a new
     * session id (whoever knew the old one is out too).
     */
    private void carryOn(PortalUserPrincipal user, HttpServletRequest request, HttpServletResponse response) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        renewed.setDetails(previous == null ? null : previous.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
            contexts.saveContext(context, request, response);
        }
    }

    private String showPasswordForm(Model model, PasswordChangeForm form) {
        UserAccount account = users.get(CurrentUser.get().id());
        model.addAttribute("form", form);
        model.addAttribute("mustChange", account.isMustChangePassword());
        return PASSWORD_VIEW;
    }
}
