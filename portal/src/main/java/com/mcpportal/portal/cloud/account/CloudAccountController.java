package com.mcpportal.portal.cloud.account;

import jakarta.validation.Valid;

import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.ConnectionCheck;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform administrators register cloud accounts, change them and test the connection ({@code /admin/**}). */
@Controller
@RequestMapping("/admin/cloud-accounts")
class CloudAccountController {

    static final String LIST_VIEW = "admin/cloud-accounts/list";
    static final String DETAIL_VIEW = "admin/cloud-accounts/detail";

    private final CloudAccounts accounts;

    CloudAccountController(CloudAccounts accounts) {
        this.accounts = accounts;
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        return showList(model, CloudAccountForm.empty());
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CloudAccountForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                CloudAccount account = accounts.create(form.settings());
                Flash.success(redirect, "Added the cloud account " + account.getName()
                        + ". Test the connection before creating environments in it.");
                return "redirect:/admin/cloud-accounts/" + account.getId();
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        return showList(model, form);
    }

    @GetMapping("/{accountId}")
    String detail(@PathVariable long accountId, Model model) {
        CloudAccount account = accounts.get(accountId);
        return showDetail(model, account, CloudAccountForm.of(account));
    }

    @PostMapping("/{accountId}")
    String update(@PathVariable long accountId, @Valid @ModelAttribute("form") CloudAccountForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        CloudAccount account = accounts.get(accountId);
        if (!errors.hasErrors()) {
            try {
                accounts.update(accountId, form.settings());
                Flash.success(redirect, "Saved the cloud account.");
                return "redirect:/admin/cloud-accounts/" + accountId;
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        return showDetail(model, account, form);
    }

    @PostMapping("/{accountId}/test")
    String test(@PathVariable long accountId, RedirectAttributes redirect) {
        ConnectionCheck check = accounts.testConnection(accountId);
        if (check.ok()) {
            Flash.success(redirect, check.message());
        } else {
            Flash.error(redirect, "Connection failed: " + check.message());
        }
        return "redirect:/admin/cloud-accounts/" + accountId;
    }

    @PostMapping("/{accountId}/delete")
    String delete(@PathVariable long accountId, RedirectAttributes redirect) {
        try {
            CloudAccount account = accounts.get(accountId);
            accounts.delete(accountId);
            Flash.success(redirect, "Removed the cloud account " + account.getName() + ".");
            return "redirect:/admin/cloud-accounts";
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
            return "redirect:/admin/cloud-accounts/" + accountId;
        }
    }

    private String showList(Model model, CloudAccountForm form) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", form);
        addChoices(model);
        return LIST_VIEW;
    }

    private String showDetail(Model model, CloudAccount account, CloudAccountForm form) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("modeLocked", accounts.modeLocked(account.getId()));
        addChoices(model);
        return DETAIL_VIEW;
    }

    private static void addChoices(Model model) {
        model.addAttribute("modes", CloudAccountMode.values());
        model.addAttribute("regions", AwsRegions.SUGGESTED);
    }

    private static void reject(BindingResult errors, InvalidInputException rejected) {
        if (rejected.field() == null) {
            errors.reject("rejected", rejected.getMessage());
        } else {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        }
    }
}
