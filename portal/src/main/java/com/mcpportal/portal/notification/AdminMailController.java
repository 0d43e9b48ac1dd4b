package com.mcpportal.portal.notification;

import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' E-mail page: the SMTP server the portal's e-mails go through (stored settings win over
 * {@code spring.mail.*}), its password write-only, and a test e-mail. {@code /admin/**} requires the ADMIN role.
 */
@Controller
@RequestMapping("/admin/mail")
class AdminMailController {

    static final String VIEW = "admin/mail";

    private final MailServers servers;
    private final NotificationSettings settings;

    AdminMailController(MailServers servers, NotificationSettings settings) {
        this.servers = servers;
        this.settings = settings;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("host", "port", "username", "password", "starttls", "from");
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("form", servers.stored().map(MailServerForm::of)
                .orElse(MailServerForm.empty(settings.mailFrom())));
        return show(model, null, null);
    }

    @PostMapping
    String save(@ModelAttribute("form") MailServerForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        try {
            MailServer saved = servers.save(form);
            Flash.success(redirect, "Saved: the portal's e-mails go through " + saved.host() + ":" + saved.port()
                    + " now. Send a test e-mail to check.");
            return "redirect:/admin/mail";
        } catch (InvalidInputException rejected) {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            return show(model, null, null);
        }
    }

    @PostMapping("/delete")
    String delete(RedirectAttributes redirect) {
        Flash.success(redirect, servers.remove() ? "Removed the stored SMTP settings: the portal uses"
                + (servers.configuredByProperties() ? " spring.mail.* again." : " no SMTP server now.")
                : "There were no stored SMTP settings.");
        return "redirect:/admin/mail";
    }

    @PostMapping("/test")
    String test(@RequestParam(defaultValue = "") String to, Model model, RedirectAttributes redirect) {
        try {
            Flash.success(redirect, "Sent a test e-mail to " + servers.sendTest(to) + ".");
            return "redirect:/admin/mail";
        } catch (InvalidInputException rejected) {
            model.addAttribute("form", servers.stored().map(MailServerForm::of)
                    .orElse(MailServerForm.empty(settings.mailFrom())));
            return show(model, to, rejected.getMessage());
        }
    }

    private String show(Model model, String to, String toError) {
        model.addAttribute("stored", servers.stored().orElse(null));
        model.addAttribute("byProperties", servers.configuredByProperties());
        model.addAttribute("to", to);
        model.addAttribute("toError", toError);
        return VIEW;
    }
}
