package com.mcpportal.portal.security;

import com.mcpportal.portal.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators see which usernames and client addresses must wait before their next sign-in, and lift a delay
 * (a user locked out from a new address, say). {@code /admin/**} requires the ADMIN role.
 */
@Controller
@RequestMapping("/admin/sign-ins")
class AdminSignInDelayController {

    private static final String VIEW = "admin/sign-ins";

    private final SignInThrottle throttle;
    private final SignInSettings settings;

    AdminSignInDelayController(SignInThrottle throttle, SignInSettings settings) {
        this.throttle = throttle;
        this.settings = settings;
    }

    @GetMapping
    String delays(Model model) {
        model.addAttribute("delays", throttle.delayed());
        model.addAttribute("settings", settings);
        return VIEW;
    }

    @PostMapping("/clear")
    String clear(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String key,
                 RedirectAttributes redirect) {
        if (!SignInThrottle.USERNAME.equals(kind) && !SignInThrottle.ADDRESS.equals(kind)) {
            Flash.error(redirect, "Choose a username or an address to clear.");
        }
        else if (throttle.clear(kind, key)) {
            Flash.success(redirect, "Cleared the failed sign-ins of " + kind + " " + key + ": it may sign in again now.");
        }
        else {
            Flash.error(redirect, "There was nothing to clear for " + kind + " " + key + ".");
        }
        return "redirect:/admin/sign-ins";
    }
}
