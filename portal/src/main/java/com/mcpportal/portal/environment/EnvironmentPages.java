package com.mcpportal.portal.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.EnvironmentEstimates.MonthlyEstimate;
import com.mcpportal.portal.environment.drift.DriftCheck;
import com.mcpportal.portal.environment.drift.DriftFinding;
import com.mcpportal.portal.environment.drift.NatImageCheck;
import com.mcpportal.portal.environment.drift.NatImageFinding;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.environment.traffic.ErrorRateCheck;
import com.mcpportal.portal.environment.update.ServerUpdate;
import com.mcpportal.portal.environment.update.ServerUpdates;
import com.mcpportal.portal.team.TeamGrant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the models of the environment pages: list, form, and the detail page with its live part. */
@Component
class EnvironmentPages {

    static final String LIST_VIEW = "environments/list";
    static final String FORM_VIEW = "environments/form";
    static final String DETAIL_VIEW = "environments/detail";
    static final String LIVE_FRAGMENT = "environments/live :: live";

    /** A row of the team's list. */
    record ListRow(Environment environment, OperationView inFlight, DriftFinding drift, MonthlyEstimate estimate) {
    }

    /**
     * Everything the live part of the detail page shows; polled while an operation is in flight.
     *
     * @param image    the image the task definition names, as provisioning recorded it (version and digest)
     * @param update   how that server compares with the one this portal carries, and what "Roll back" returns to
     * @param natImage the last NAT image check, or null when there is none of the NAT recorded now
     */
    record Live(OperationView inFlight, OperationView latest, List<OperationView> history, DriftFinding drift,
            List<ConsoleLinks.ResourceLink> resources, String mcpUrl, List<McpClientSnippet.Client> clients,
            ImageRef image, ServerUpdate update, NatImageFinding natImage) {

        public boolean active() {
            return inFlight != null;
        }

        /** "Roll back" is offered on a ready environment, or on one whose server update (or roll back) failed. */
        public boolean rollBackOffered(EnvironmentState state) {
            return update != null && update.canRollBack() && (state == EnvironmentState.READY
                    || state == EnvironmentState.FAILED && latest != null
                    && (latest.kind() == OperationKind.UPDATE_SERVER || latest.kind() == OperationKind.ROLL_BACK));
        }
    }

    /** An environment with its operations as read in one snapshot (the list reads no latest and no history). */
    private record Moment(Environment environment, OperationView inFlight, OperationView latest,
            List<OperationView> history) {
    }

    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final EnvironmentOperations operations;
    private final DriftCheck drift;
    private final ObjectProvider<EnvironmentEstimates> estimates;
    private final ObjectProvider<EnvironmentScheduleSummaries> schedules;
    private final ErrorRateCheck errorRate;
    private final ServerUpdates updates;
    private final NatImageCheck natImages;
    private final ConsistentReads consistent;
    private final ObjectProvider<EnvironmentNetworks> networks;

    EnvironmentPages(EnvironmentService environments, CloudAccounts accounts, EnvironmentOperations operations,
            DriftCheck drift, ObjectProvider<EnvironmentEstimates> estimates,
            ObjectProvider<EnvironmentScheduleSummaries> schedules, ErrorRateCheck errorRate, ServerUpdates updates,
            NatImageCheck natImages, ConsistentReads consistent, ObjectProvider<EnvironmentNetworks> networks) {
        this.consistent = consistent;
        this.networks = networks;
        this.updates = updates;
        this.environments = environments;
        this.accounts = accounts;
        this.operations = operations;
        this.drift = drift;
        this.estimates = estimates;
        this.schedules = schedules;
        this.errorRate = errorRate;
        this.natImages = natImages;
    }

    String list(Model model, TeamGrant team) {
        List<Moment> found = consistent.of(() -> environments.listForTeam(team.teamId()).stream()
                .map(e -> new Moment(e, operations.inFlight(e.getId()).orElse(null), null, List.of())).toList());
        List<ListRow> rows = found.stream()
                .map(m -> new ListRow(m.environment(), m.inFlight(),
                        drift.latest(m.environment().getId()).filter(DriftFinding::drifted).orElse(null),
                        estimate(m.environment())))
                .toList();
        model.addAttribute("team", team);
        model.addAttribute("rows", rows);
        model.addAttribute("errorRateFlagged", errorRate.flagged(rows.stream().map(r -> r.environment().getId())
                .toList()));
        model.addAttribute("accountNames", accountNames());
        return LIST_VIEW;
    }

    String form(Model model, TeamGrant team, Environment environment, EnvironmentForm form) {
        model.addAttribute("team", team);
        model.addAttribute("environment", environment);
        model.addAttribute("form", form);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("regions", AwsRegions.SUGGESTED);
        model.addAttribute("sizes", FargateSize.all().stream().filter(s -> s.cpu() <= 4096)
                .collect(Collectors.toMap(EnvironmentForm::sizeValue,
                        s -> s.vcpuLabel() + " vCPU, " + s.memoryGbLabel() + " GB", (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("architectures", Architecture.values());
        model.addAttribute("natTypes", EnvironmentRules.NAT_INSTANCE_TYPES);
        model.addAttribute("retentions", LogGroup.RETENTION_DAYS);
        model.addAttribute("provisioned", environment != null && environment.getState().hasCloudResources());
        model.addAttribute("serverVersion", environments.publishedServerVersion().orElse(null));
        return FORM_VIEW;
    }

    /** A deleted environment's page is a record: its settings, history and audit, no traffic and no estimate. */
    String detail(Model model, TeamGrant team, long environmentId) {
        Environment environment = live(model, team, moment(team.teamId(), environmentId));
        boolean deleted = environment.getState() == EnvironmentState.DELETED;
        model.addAttribute("traffic", deleted ? null : errorRate.panel(environment.getId(),
                accounts.get(environment.getCloudAccountId()).isSimulated()));
        model.addAttribute("spec", environment.spec());
        model.addAttribute("estimate", deleted ? null : estimate(environment));
        EnvironmentScheduleSummaries summaries = schedules.getIfAvailable();
        model.addAttribute("schedule", summaries == null ? null : summaries.summaryOf(environment).orElse(null));
        EnvironmentNetworks placements = networks.getIfAvailable();
        model.addAttribute("sharedNetwork", placements == null ? null
                : placements.networkOf(environment.getId()).orElse(null));
        model.addAttribute("moveChoices", placements == null || deleted ? List.of()
                : placements.moveChoices(environment.getId()));
        model.addAttribute("moveInterruption", EnvironmentNetworks.MOVE_INTERRUPTION);
        return DETAIL_VIEW;
    }

    /** The live part alone, for the page's poller. */
    String live(Model model, TeamGrant team, long environmentId) {
        live(model, team, moment(team.teamId(), environmentId));
        return LIVE_FRAGMENT;
    }

    /**
     * The environment with its operations, as of one moment: the live part polls while an operation is in flight,
     * so its state and its operations must agree (see {@link ConsistentReads}).
     */
    private Moment moment(long teamId, long environmentId) {
        return consistent.of(() -> {
            Environment environment = environments.get(teamId, environmentId);
            long id = environment.getId();
            return new Moment(environment, operations.inFlight(id).orElse(null), operations.latest(id).orElse(null),
                    operations.history(id, 10));
        });
    }

    private Environment live(Model model, TeamGrant team, Moment moment) {
        Environment environment = moment.environment();
        CloudAccount account = accounts.get(environment.getCloudAccountId());
        CloudResources resources = environment.resources();
        String mcpUrl = resources.mcpUrl();
        model.addAttribute("team", team);
        model.addAttribute("environment", environment);
        model.addAttribute("account", account);
        model.addAttribute("live", new Live(moment.inFlight(), moment.latest(), moment.history(),
                environment.getState() == EnvironmentState.READY ? drift.latest(environment.getId()).orElse(null)
                        : null,
                ConsoleLinks.of(environment.getRegion(), resources, account.isSimulated()), mcpUrl,
                mcpUrl == null ? List.of() : McpClientSnippet.all(environment.getName(), mcpUrl), resources.image(),
                environment.getState().hasCloudResources() ? updates.check(environment) : null,
                natImage(environment)));
        return environment;
    }

    private NatImageFinding natImage(Environment environment) {
        NatInstance nat = environment.resources().nat();
        return nat == null || environment.getState() == EnvironmentState.DELETED ? null
                : natImages.latest(environment.getId()).filter(f -> f.instanceId().equals(nat.instanceId()))
                        .orElse(null);
    }

    private MonthlyEstimate estimate(Environment environment) {
        EnvironmentEstimates source = estimates.getIfAvailable();
        return source == null ? null : source.monthly(environment).orElse(null);
    }

    private Map<Long, String> accountNames() {
        return accounts.all().stream().collect(Collectors.toMap(CloudAccount::getId, CloudAccount::getName,
                (a, b) -> a));
    }

    static Optional<CloudAccount> defaultAccount(List<CloudAccount> all) {
        return all.stream().filter(CloudAccount::isSimulated).findFirst().or(() -> all.stream().findFirst());
    }
}
