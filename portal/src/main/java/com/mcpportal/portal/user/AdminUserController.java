package com.mcpportal.portal.user;

import java.security.Principal;

import jakarta.validation.Valid;

import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform administrators manage accounts here ({@code /admin/**} requires the ADMIN role). */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    private static final String LIST_VIEW = "admin/users/list";
    private static final String DETAIL_VIEW = "admin/users/detail";

    private final UserAccountService users;

    AdminUserController(UserAccountService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        return showList(model, NewUserForm.empty());
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return showList(model, form);
        }
        try {
            UserAccountService.CreatedUser created = users.create(form.username(), form.platformAdmin());
            // A flash attribute lives for exactly one request: the password is shown once, on the next page.
            redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
            Flash.success(redirect, "Created " + created.user().getUsername()
                    + ". Hand over the one-time password below; they choose their own at first sign-in.");
            return "redirect:/admin/users/" + created.user().getId();
        }
        catch (InvalidInputException rejected) {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            return showList(model, form);
        }
    }

    @GetMapping("/{userId}")
    String detail(@PathVariable long userId, Model model) {
        model.addAttribute("account", users.get(userId));
        return DETAIL_VIEW;
    }

    @PostMapping("/{userId}/disable")
    String disable(@PathVariable long userId, Principal admin, RedirectAttributes redirect) {
        return setEnabled(userId, false, admin, redirect);
    }

    @PostMapping("/{userId}/enable")
    String enable(@PathVariable long userId, Principal admin, RedirectAttributes redirect) {
        return setEnabled(userId, true, admin, redirect);
    }

    @PostMapping("/{userId}/reset-password")
    String resetPassword(@PathVariable long userId, RedirectAttributes redirect) {
        String oneTimePassword = users.resetPassword(userId);
        redirect.addFlashAttribute("oneTimePassword", oneTimePassword);
        Flash.success(redirect, "Password reset. Hand over the one-time password below.");
        return "redirect:/admin/users/" + userId;
    }

    private String setEnabled(long userId, boolean enabled, Principal admin, RedirectAttributes redirect) {
        try {
            UserAccount user = users.setEnabled(userId, enabled, admin.getName());
            Flash.success(redirect, user.getUsername() + (enabled ? " can sign in again."
                    : " is disabled: they cannot sign in and their open sessions have ended."));
        }
        catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
        }
        return "redirect:/admin/users/" + userId;
    }

    private String showList(Model model, NewUserForm form) {
        model.addAttribute("form", form);
        model.addAttribute("users", users.all());
        return LIST_VIEW;
    }
}
