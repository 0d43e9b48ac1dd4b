package com.mcpportal.portal.network;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What the team's and the administrators' network pages put in their models. */
@Component
class NetworkPages {

    static final String LIST_VIEW = "networks/list";
    static final String DETAIL_VIEW = "networks/detail";

    private final Networks networks;
    private final NetworkCosts costs;
    private final CloudAccounts accounts;
    private final EnvironmentService environments;
    private final TeamService teams;
    private final NatStopFailures natStopFailures;

    NetworkPages(Networks networks, NetworkCosts costs, CloudAccounts accounts, EnvironmentService environments,
            TeamService teams, NatStopFailures natStopFailures) {
        this.natStopFailures = natStopFailures;
        this.networks = networks;
        this.costs = costs;
        this.accounts = accounts;
        this.environments = environments;
        this.teams = teams;
    }

    NetworkForm emptyForm() {
        List<CloudAccount> all = accounts.all();
        return all.isEmpty() ? NetworkForm.empty(null, "eu-central-1")
                : NetworkForm.empty(all.get(0).getId(), all.get(0).getDefaultRegion());
    }

    void choices(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("regions", AwsRegions.SUGGESTED);
    }

    /** The detail page; {@code teamId} null for the administrators' view, which names every environment. */
    String detail(Model model, Network network, Long teamId) {
        List<Environment> members = networks.environmentsIn(network.id());
        NetworkCosts.View view = costs.of(network, members);
        model.addAttribute("network", network);
        model.addAttribute("members", members.stream().filter(e -> e.getState() != EnvironmentState.DELETED).toList());
        model.addAttribute("view", view);
        model.addAttribute("subnets", networks.subnets(network.id()));
        model.addAttribute("natStopFailure", natStopFailures.of(network.id()).orElse(null));
        model.addAttribute("viewerTeamId", teamId);
        model.addAttribute("account", accounts.get(network.cloudAccountId()));
        model.addAttribute("ownerName", network.teamId() == null ? null : teams.name(network.teamId()).orElse("?"));
        model.addAttribute("sharedWithNames", teams.names(network.sharedWith()).values());
        Map<Long, String> teamNames = teams.names(view.byTeam().keySet());
        model.addAttribute("teamNames", teamNames);
        if (teamId != null) {
            model.addAttribute("candidates", environments.listForTeam(teamId).stream()
                    .filter(e -> e.getState() == EnvironmentState.DRAFT && e.getCloudAccountId() == network.cloudAccountId()
                            && e.getRegion().equals(network.region()))
                    .filter(e -> members.stream().noneMatch(m -> m.getId().equals(e.getId()))).toList());
        }
        return DETAIL_VIEW;
    }

    static void reject(BindingResult errors, InvalidInputException rejected) {
        if (rejected.field() == null) {
            errors.reject("rejected", rejected.getMessage());
        } else {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        }
    }
}
