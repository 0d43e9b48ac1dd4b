package com.mcpportal.portal.security;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Our own sign-in page: a button per identity provider, then the local form (folded away when there are providers,
 * unless it just failed); Spring Security handles both.
 */
@Controller
class LoginController {

    private static final int MAX_WAIT_SECONDS = 86_400;

    private final SignInSettings settings;
    private final OidcProviders providers;
    private final boolean adminOnly;

    LoginController(SignInSettings settings, OidcProviders providers, LocalSignInSettings localSignIn) {
        this.settings = settings;
        this.adminOnly = localSignIn.adminOnly();
        this.providers = providers;
    }

    /** A provider's button: its link starts the authorization code flow. */
    record ProviderButton(String id, String label) {
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait,
                 @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        if (CurrentUser.find().isPresent()) {
            return "redirect:/teams";
        }
        if (error != null) {
            SignInOutcome outcome = SignInOutcome.fromCode(error);
            model.addAttribute("error", outcome.message(settings, seconds(wait)));
            model.addAttribute("formFailed", outcome.fromTheForm());
        }
        model.addAttribute("providers", providers.labels().entrySet().stream()
                .map(provider -> new ProviderButton(provider.getKey(), provider.getValue())).toList());
        model.addAttribute("adminOnly", adminOnly);
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }

    /** The wait the sign-in handler put in the link, if it is a plausible number (it is only text on the page). */
    private static Integer seconds(String wait) {
        if (wait == null || !wait.matches("\\d{1,6}")) {
            return null;
        }
        int seconds = Integer.parseInt(wait);
        return seconds >= 1 && seconds <= MAX_WAIT_SECONDS ? seconds : null;
    }
}
