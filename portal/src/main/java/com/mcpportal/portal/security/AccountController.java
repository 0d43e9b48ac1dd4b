package com.mcpportal.portal.security;

import jakarta.validation.Valid;

import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: who they are, and changing their password. */
@Controller
class AccountController {

    static final String PASSWORD_PATH = "/account/password";
    private static final String PROFILE_VIEW = "account/profile";
    private static final String PASSWORD_VIEW = "account/password";

    private final UserAccountService users;

    AccountController(UserAccountService users) {
        this.users = users;
    }

    @GetMapping("/account")
    String profile(Model model) {
        model.addAttribute("account", users.get(CurrentUser.get().id()));
        return PROFILE_VIEW;
    }

    @GetMapping(PASSWORD_PATH)
    String passwordForm(Model model) {
        return showPasswordForm(model, PasswordChangeForm.empty());
    }

    @PostMapping(PASSWORD_PATH)
    String changePassword(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "mismatch", "The two new passwords differ.");
        }
        if (!errors.hasErrors()) {
            try {
                users.changeOwnPassword(CurrentUser.get().id(), form.currentPassword(), form.newPassword());
                Flash.success(redirect, "Your password is changed.");
                return "redirect:/teams";
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        // The template never writes password values back into the page, only the messages.
        return showPasswordForm(model, form);
    }

    private String showPasswordForm(Model model, PasswordChangeForm form) {
        UserAccount account = users.get(CurrentUser.get().id());
        model.addAttribute("form", form);
        model.addAttribute("mustChange", account.isMustChangePassword());
        return PASSWORD_VIEW;
    }
}
