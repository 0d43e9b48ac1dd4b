package com.mcpportal.portal.accesstoken;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Access tokens" on the user's own account: issue a personal access token for the REST API (shown once, on the
 * answer to the form, never through a redirect), list them, revoke one. Only ever the signed-in user's own tokens.
 */
@Controller
@RequestMapping(AccessTokenController.PATH)
class AccessTokenController {

    static final String PATH = "/account/tokens";
    private static final String LIST_VIEW = "account/tokens";
    private static final String ISSUED_VIEW = "account/token-issued";

    private final AccessTokens tokens;

    AccessTokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        return show(model, AccessTokenForm.defaults(tokens.settings()));
    }

    @PostMapping
    String issue(@Valid @ModelAttribute("form") AccessTokenForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                IssuedAccessToken issued = tokens.issue(CurrentUser.get().id(), form.name(), form.lifetimeDays(),
                        form.issueToken());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, max-age=0");
                response.setHeader(HttpHeaders.PRAGMA, "no-cache");
                model.addAttribute("issued", issued);
                model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
                return ISSUED_VIEW;
            } catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            } catch (TokenAlreadyIssuedException again) {
                Flash.error(redirect, again.getMessage());
                return "redirect:" + PATH;
            }
        }
        return show(model, form);
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable long tokenId, RedirectAttributes redirect) {
        AccessTokenView token = tokens.revoke(CurrentUser.get().id(), tokenId);
        Flash.success(redirect, "Revoked the token " + token.name() + " (" + token.publicId() + "); requests with it"
                + " are refused from now on.");
        return "redirect:" + PATH;
    }

    private String show(Model model, AccessTokenForm form) {
        model.addAttribute("form", form);
        model.addAttribute("tokens", tokens.list(CurrentUser.get().id()));
        model.addAttribute("lifetimes", lifetimes(tokens.settings()));
        tokens.lastSsoSignIn(CurrentUser.get().id()).ifPresent(last -> {
            model.addAttribute("ssoLastSignIn", last);
            model.addAttribute("ssoWindowDays", tokens.settings().ssoSignInWindow().toDays());
        });
        return LIST_VIEW;
    }

    /** The expiry choices: common ones up to the maximum, the configured default and the maximum itself. */
    private static Map<Integer, String> lifetimes(AccessTokenSettings settings) {
        int max = (int) settings.maxLifetime().toDays();
        TreeSet<Integer> days = new TreeSet<>();
        for (int choice : new int[] {7, 30, 90, 180, 365}) {
            if (choice <= max) {
                days.add(choice);
            }
        }
        days.add((int) settings.defaultLifetime().toDays());
        days.add(max);
        Map<Integer, String> labels = new LinkedHashMap<>();
        days.forEach(day -> labels.put(day, day + (day == 1 ? " day" : " days")));
        return labels;
    }
}
