package com.mcpportal.portal.audit;

import com.mcpportal.portal.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform-wide audit log and chain verification ({@code /admin/**} requires the ADMIN role). */
@Controller
@RequestMapping("/admin/audit")
class AdminAuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final AuditChainVerifier verifier;

    AdminAuditController(AuditLog auditLog, AuditChainVerifier verifier) {
        this.auditLog = auditLog;
        this.verifier = verifier;
    }

    @GetMapping
    String all(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("events", auditLog.allEvents(page, PAGE_SIZE));
        return "audit/global";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        AuditChainReport report = verifier.verify();
        auditLog.record(AuditEntry.success("audit.chain.verified").outcome(report.intact()
                ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE).detail("checked", report.checked())
                .detail("brokenAt", report.brokenAtId()));
        if (report.intact()) {
            Flash.success(redirect, report.summary());
        }
        else {
            Flash.error(redirect, report.summary());
        }
        return "redirect:/admin/audit";
    }
}
