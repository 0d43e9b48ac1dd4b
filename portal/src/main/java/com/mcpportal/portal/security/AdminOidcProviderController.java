package com.mcpportal.portal.security;

import java.util.Map;

import jakarta.validation.Valid;

import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.NotFoundException;

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
 * Administrators add, change and delete the identity providers people sign in with ({@link OidcProviders}); the
 * configured ones are listed read-only. The client secret is write-only: typed once, sealed, never shown again.
 */
@Controller
@RequestMapping("/admin/sign-in-providers")
class AdminOidcProviderController {

    private static final String PATH = "/admin/sign-in-providers";
    private static final String LIST_VIEW = "admin/sign-in-providers/list";
    private static final String FORM_VIEW = "admin/sign-in-providers/form";

    private final OidcProviders providers;

    AdminOidcProviderController(OidcProviders providers) {
        this.providers = providers;
    }

    @GetMapping
    String list(Model model) {
        Map<String, OidcSettings.Provider> all = providers.all();
        model.addAttribute("providers", all);
        model.addAttribute("configured", all.keySet().stream().filter(providers::configured).toList());
        model.addAttribute("redirectBase", redirectBase());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newProvider(Model model) {
        return showForm(model, OidcProviderForm.empty(), null, false);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") OidcProviderForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                providers.create(form);
                Flash.success(redirect, "Added the provider " + form.id() + ". Its button is on the login page now.");
                return "redirect:" + PATH;
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        return showForm(model, form, null, false);
    }

    @GetMapping("/{providerId}")
    String edit(@PathVariable String providerId, Model model) {
        StoredOidcProvider provider = providers.stored(providerId)
                .orElseThrow(() -> new NotFoundException("No such provider"));
        OidcProviderForm form = new OidcProviderForm(provider.getId(), provider.getIssuerUri(), provider.getClientId(),
                "", false, provider.getScopes(), provider.getUsernameClaim(), provider.getGroupsClaim(),
                provider.getLabel(), provider.getAdminGroup());
        return showForm(model, form, providerId, provider.getClientSecretSealed() != null);
    }

    @PostMapping("/{providerId}")
    String update(@PathVariable String providerId, @Valid @ModelAttribute("form") OidcProviderForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        StoredOidcProvider provider = providers.stored(providerId)
                .orElseThrow(() -> new NotFoundException("No such provider"));
        if (!providerId.equals(form.id())) {
            errors.rejectValue("id", "fixed", "The id is part of the redirect URI registered at the provider and"
                    + " cannot change: add a new provider instead.");
        }
        if (!errors.hasErrors()) {
            try {
                providers.update(providerId, form);
                Flash.success(redirect, "Saved the provider " + providerId + ".");
                return "redirect:" + PATH;
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        return showForm(model, form, providerId, provider.getClientSecretSealed() != null);
    }

    @PostMapping("/{providerId}/delete")
    String delete(@PathVariable String providerId, RedirectAttributes redirect) {
        providers.delete(providerId);
        Flash.success(redirect, "Deleted the provider " + providerId + ". Accounts made through it stay; they sign"
                + " in another way (or not at all) until it is added again under the same issuer.");
        return "redirect:" + PATH;
    }

    private String showForm(Model model, OidcProviderForm form, String editing, boolean hasSecret) {
        // A refused form comes back with its errors (the model holds it already); the secret field never shows a
        // value, so a secret typed into it is not sent back into the page.
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("editing", editing);
        model.addAttribute("hasSecret", hasSecret);
        model.addAttribute("redirectBase", redirectBase());
        return FORM_VIEW;
    }

    private static String redirectBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/oauth2/code/").toUriString();
    }
}
