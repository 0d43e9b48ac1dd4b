package com.mcpportal.portal.audit.web;

import com.mcpportal.portal.audit.AuditPruner;
import com.mcpportal.portal.audit.AuditRetention;
import com.mcpportal.portal.audit.AuditSettings;
import com.mcpportal.portal.audit.AuditWebhook;
import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditVerifications;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' side of the audit log: chain verification and its history, retention and pruning
 * ({@code /admin/**} requires the ADMIN role). The log itself is at {@code /audit}.
 */
@Controller
@RequestMapping("/admin/audit")
class AdminAuditController {

    static final String VERIFICATIONS_VIEW = "audit/verifications";
    static final String RETENTION_VIEW = "audit/retention";

    private final AuditVerifications verifications;
    private final AuditRetention retention;
    private final AuditPruner pruner;
    private final AuditSettings settings;
    private final AuditWebhook webhook;

    AdminAuditController(AuditVerifications verifications, AuditRetention retention, AuditPruner pruner,
                         AuditSettings settings, AuditWebhook webhook) {
        this.verifications = verifications;
        this.retention = retention;
        this.pruner = pruner;
        this.settings = settings;
        this.webhook = webhook;
    }

    /** The old address of the global log. */
    @GetMapping
    String log() {
        return "redirect:/audit";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        AuditChainReport report = verifications.run(null).report();
        if (report.intact()) {
            Flash.success(redirect, report.summary());
        }
        else {
            Flash.error(redirect, report.summary());
        }
        return "redirect:/admin/audit/verifications";
    }

    @GetMapping("/verifications")
    String verifications(Model model) {
        model.addAttribute("runs", verifications.history(100));
        return VERIFICATIONS_VIEW;
    }

    @GetMapping("/retention")
    String retention(Model model) {
        return showRetention(model, null, null);
    }

    @PostMapping("/retention")
    String changeRetention(@RequestParam(required = false) String retentionDays, Model model,
                           RedirectAttributes redirect) {
        String text = retentionDays == null ? "" : retentionDays.trim();
        try {
            Integer days = text.isEmpty() ? null : Integer.valueOf(text);
            retention.change(days);
        }
        catch (NumberFormatException ex) {
            return showRetention(model, text, "A whole number of days, or empty to keep forever.");
        }
        catch (InvalidInputException ex) {
            return showRetention(model, text, ex.getMessage());
        }
        Flash.success(redirect, text.isEmpty() ? "Audit events are kept forever."
                : "Audit events are kept for " + text + " days; older ones are archived and pruned daily.");
        return "redirect:/admin/audit/retention";
    }

    @PostMapping("/retention/prune")
    String prune(RedirectAttributes redirect) {
        AuditPruner.Result result = pruner.prune(null);
        if (result.problem() == null) {
            Flash.success(redirect, retention.setting().days() == null
                    ? "Retention keeps events forever: nothing to prune." : result.summary());
        }
        else {
            Flash.error(redirect, result.summary());
        }
        return "redirect:/admin/audit/retention";
    }

    private String showRetention(Model model, String typed, String error) {
        AuditRetention.Setting setting = retention.setting();
        model.addAttribute("setting", setting);
        model.addAttribute("retentionDays", typed != null ? typed : setting.days() == null ? "" : setting.days().toString());
        model.addAttribute("retentionError", error);
        model.addAttribute("archiveDir", settings.archiveDir().toAbsolutePath().normalize().toString());
        model.addAttribute("checkpoints", retention.checkpoints(50));
        model.addAttribute("webhook", webhook.status());
        return RETENTION_VIEW;
    }
}
