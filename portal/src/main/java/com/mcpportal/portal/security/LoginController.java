package com.mcpportal.portal.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Our own sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

    private final SignInSettings settings;

    LoginController(SignInSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error,
                 @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        if (CurrentUser.find().isPresent()) {
            return "redirect:/teams";
        }
        if (error != null) {
            model.addAttribute("error", SignInOutcome.fromCode(error).message(settings));
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
