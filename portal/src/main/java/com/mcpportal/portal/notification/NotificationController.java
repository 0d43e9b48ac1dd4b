package com.mcpportal.portal.notification;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's Notifications page: members see the channels, their state and the recent deliveries; owners add, change
 * and delete channels and send test messages.
 */
@Controller
class NotificationController {

    static final String LIST_VIEW = "notifications/list";
    static final String DETAIL_VIEW = "notifications/detail";

    private final TeamAccess access;
    private final NotificationChannels channels;

    NotificationController(TeamAccess access, NotificationChannels channels) {
        this.access = access;
        this.channels = channels;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "name", "recipients", "url", "secret", "events", "keyExpiryDays", "teamOwners");
    }

    @GetMapping("/teams/{teamId}/notifications")
    String list(@PathVariable long teamId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        model.addAttribute("form", ChannelForm.empty());
        return list(model, team);
    }

    @PostMapping("/teams/{teamId}/notifications")
    String create(@PathVariable long teamId, @ModelAttribute("form") ChannelForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (refusedWhileArchived(team, redirect)) {
            return "redirect:/teams/" + teamId + "/notifications";
        }
        try {
            Channel channel = channels.create(teamId, form);
            Flash.success(redirect, "Added the channel " + channel.name() + ". Send it a test message to check that it"
                    + " reaches you.");
            return "redirect:/teams/" + teamId + "/notifications/" + channel.id();
        } catch (InvalidInputException rejected) {
            reject(errors, rejected);
            return list(model, team);
        }
    }

    @GetMapping("/teams/{teamId}/notifications/{channelId}")
    String detail(@PathVariable long teamId, @PathVariable long channelId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        Channel channel = channels.get(teamId, channelId);
        model.addAttribute("form", ChannelForm.of(channel));
        return detail(model, team, channel);
    }

    @PostMapping("/teams/{teamId}/notifications/{channelId}")
    String update(@PathVariable long teamId, @PathVariable long channelId, @ModelAttribute("form") ChannelForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        Channel channel = channels.get(teamId, channelId);
        if (refusedWhileArchived(team, redirect)) {
            return "redirect:/teams/" + teamId + "/notifications/" + channelId;
        }
        try {
            channels.update(teamId, channelId, form);
            Flash.success(redirect, "Saved the channel " + form.name().strip() + ".");
            return "redirect:/teams/" + teamId + "/notifications/" + channelId;
        } catch (InvalidInputException rejected) {
            reject(errors, rejected);
            return detail(model, team, channel);
        }
    }

    @PostMapping("/teams/{teamId}/notifications/{channelId}/test")
    String test(@PathVariable long teamId, @PathVariable long channelId, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (!refusedWhileArchived(team, redirect)) {
            channels.sendTest(teamId, channelId);
            Flash.success(redirect, "Queued a test message. It is sent within seconds; its outcome shows under"
                    + " Recent deliveries (reload the page).");
        }
        return "redirect:/teams/" + teamId + "/notifications/" + channelId;
    }

    @PostMapping("/teams/{teamId}/notifications/{channelId}/delete")
    String delete(@PathVariable long teamId, @PathVariable long channelId, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        Channel channel = channels.get(teamId, channelId);
        if (refusedWhileArchived(team, redirect)) {
            return "redirect:/teams/" + teamId + "/notifications/" + channelId;
        }
        channels.delete(teamId, channelId);
        Flash.success(redirect, "Deleted the channel " + channel.name() + " and its messages.");
        return "redirect:/teams/" + teamId + "/notifications";
    }

    private String list(Model model, TeamGrant team) {
        model.addAttribute("team", team);
        List<Channel> teamChannels = channels.ofTeam(team.teamId());
        model.addAttribute("channels", teamChannels);
        model.addAttribute("channelNames", teamChannels.stream()
                .collect(Collectors.toMap(Channel::id, Channel::name)));
        model.addAttribute("deliveries", channels.recent(team.teamId()));
        return choices(model, LIST_VIEW);
    }

    private String detail(Model model, TeamGrant team, Channel channel) {
        model.addAttribute("team", team);
        model.addAttribute("channel", channel);
        model.addAttribute("channelNames", Map.of(channel.id(), channel.name()));
        model.addAttribute("deliveries", channels.recentOf(channel));
        model.addAttribute("owners", channel.teamOwners() ? channels.owners(team.teamId()) : List.of());
        return choices(model, DETAIL_VIEW);
    }

    private String choices(Model model, String view) {
        model.addAttribute("channelKinds", ChannelKind.values());
        model.addAttribute("events", NoticeKind.choosable());
        model.addAttribute("emailAvailable", channels.emailAvailable());
        model.addAttribute("defaultKeyExpiryDays", channels.defaultKeyExpiryDays());
        return view;
    }

    private static boolean refusedWhileArchived(TeamGrant team, RedirectAttributes redirect) {
        if (team.archived()) {
            Flash.error(redirect, "This team is archived and read-only; restore it to change its notifications.");
        }
        return team.archived();
    }

    private static void reject(BindingResult errors, InvalidInputException rejected) {
        if (rejected.field() == null) {
            errors.reject("rejected", rejected.getMessage());
        } else {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        }
    }
}
