package com.mcpportal.portal.team;

import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/redirect/get for the team page's one-button actions: success or the rule's message as a flash. */
final class TeamPages {

    private TeamPages() {
    }

    static String attempt(RedirectAttributes redirect, long teamId, Runnable action, String successMessage) {
        try {
            action.run();
            Flash.success(redirect, successMessage);
        }
        catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
        }
        return "redirect:" + TeamController.settingsPage(teamId);
    }
}
