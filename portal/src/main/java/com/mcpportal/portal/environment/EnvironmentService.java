package com.mcpportal.portal.environment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountNotFoundException;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cloud.account.CloudProviders;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.web.BusyException;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and listing a team's environments, and finding the cloud an environment lives in. Callers
 * have passed {@code TeamAccess}; the rules here hold for everyone and are checked before anything is written.
 * Running environments (provision, start, stop, deprovision) is {@code EnvironmentOperations}' job.
 */
@Service
public class EnvironmentService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnvironmentRepository environments;
    private final CloudAccounts accounts;
    private final CloudProviders providers;
    private final SecretCipher cipher;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final ServerImages serverImages;
    private final TeamService teams;
    private final Clock clock;

    EnvironmentService(EnvironmentRepository environments, CloudAccounts accounts, CloudProviders providers,
            SecretCipher cipher, AuditLog auditLog, ApplicationEventPublisher events, ServerImages serverImages,
            TeamService teams, Clock clock) {
        this.environments = environments;
        this.teams = teams;
        this.serverImages = serverImages;
        this.accounts = accounts;
        this.providers = providers;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** The team's environments, deleted ones left out, by name. */
    @Transactional(readOnly = true)
    public List<Environment> listForTeam(long teamId) {
        return environments.findByTeamIdAndStateNotOrderByNameAsc(teamId, EnvironmentState.DELETED);
    }

    /** One keyset page of the team's environments (deleted ones left out), by id, after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<Environment> pageForTeam(long teamId, long afterId, int limit) {
        return environments.findByTeamIdAndStateNotAndIdGreaterThanOrderByIdAsc(teamId, EnvironmentState.DELETED,
                afterId, Limit.of(limit));
    }

    /** Every environment that is ready (provisioned, no failure), by id: what schedules and drift checks act on. */
    @Transactional(readOnly = true)
    public List<Environment> listReady() {
        return environments.findByStateOrderByIdAsc(EnvironmentState.READY);
    }

    /** One environment of the team, or a 404 when it does not exist or belongs to another team. */
    @Transactional(readOnly = true)
    public Environment get(long teamId, long environmentId) {
        return environments.findByIdAndTeamId(environmentId, teamId).orElseThrow(EnvironmentNotFoundException::new);
    }

    /** Any environment by id, for jobs that act for no particular user. */
    @Transactional(readOnly = true)
    public Environment get(long environmentId) {
        return environments.findById(environmentId).orElseThrow(EnvironmentNotFoundException::new);
    }

    /** The adapter and reference for the environment's cloud calls. */
    @Transactional(readOnly = true)
    public EnvironmentCloud cloudOf(long environmentId) {
        return cloudOf(get(environmentId));
    }

    EnvironmentCloud cloudOf(Environment environment) {
        CloudAccount account = accounts.get(environment.getCloudAccountId());
        String team = teams.name(environment.getTeamId()).orElse("");
        return new EnvironmentCloud(providers.forAccount(account), new EnvironmentRef(
                account.target(environment.getRegion()), environment.getCloudId(), team, environment.getName()),
                account);
    }

    @Transactional
    public Environment create(long teamId, EnvironmentInput input) {
        EnvironmentRules.validate(input, true);
        requireCarriedServer(input);
        accountOf(input);
        if (environments.existsByTeamIdAndNameIgnoreCaseAndStateNot(teamId, input.name(), EnvironmentState.DELETED)) {
            throw duplicateName(input.name());
        }
        Environment environment = new Environment(teamId, newCloudId(), input, clock.instant());
        try {
            environments.saveAndFlush(environment);
        } catch (DataIntegrityViolationException race) {
            throw duplicateName(input.name());
        }
        environment.replaceElevenLabsKey(cipher.encrypt(input.elevenLabsApiKey(),
                Environment.keyContext(environment.getId())), clock.instant());
        auditLog.record(AuditEntry.success("environment.created").team(teamId)
                .target("environment", environment.getId()).detail("name", environment.getName())
                .detail("settings", describe(environment)));
        events.publishEvent(new EnvironmentChanged(teamId, environment.getId(), "created"));
        return environment;
    }

    @Transactional
    public Environment update(long teamId, long environmentId, EnvironmentInput input) {
        EnvironmentRules.validate(input, false);
        requireCarriedServer(input);
        Environment environment = environments.findByIdForUpdate(environmentId)
                .filter(found -> found.getTeamId() == teamId).orElseThrow(EnvironmentNotFoundException::new);
        if (environment.getState() == EnvironmentState.DELETED) {
            throw new ConflictException("This environment is deleted; create a new one instead.");
        }
        if (environments.hasOperationInFlight(environmentId)) {
            throw new BusyException("An operation is running on this environment; change it when"
                    + " the operation has finished.");
        }
        if (environment.getState().hasCloudResources() && (environment.getCloudAccountId() != input.cloudAccountId()
                || !environment.getRegion().equals(input.region()))) {
            throw new InvalidInputException(environment.getCloudAccountId() != input.cloudAccountId()
                    ? "cloudAccountId" : "region", "The environment's resources are in this account and region."
                    + " Deprovision it first to move it.");
        }
        accountOf(input);
        if (environments.existsByTeamIdAndNameIgnoreCaseAndStateNotAndIdNot(teamId, input.name(),
                EnvironmentState.DELETED, environmentId)) {
            throw duplicateName(input.name());
        }
        String before = describe(environment);
        List<String> changed = changedFields(environment, input);
        environment.apply(input, clock.instant());
        boolean keyReplaced = input.elevenLabsApiKey() != null;
        if (keyReplaced) {
            environment.replaceElevenLabsKey(cipher.encrypt(input.elevenLabsApiKey(),
                    Environment.keyContext(environmentId)), clock.instant());
            changed.add("elevenLabsApiKey");
        }
        try {
            environments.flush();
        } catch (DataIntegrityViolationException race) {
            throw duplicateName(input.name());
        }
        auditLog.record(AuditEntry.success("environment.updated").team(teamId).target("environment", environmentId)
                .detail("name", environment.getName()).detail("changed", changed).detail("before", before)
                .detail("after", describe(environment)).detail("elevenLabsKeyReplaced", keyReplaced));
        events.publishEvent(new EnvironmentChanged(teamId, environmentId, "updated"));
        return environment;
    }

    /**
     * CPU autoscaling while on ({@code range}: min..max tasks around a CPU target; null: one task), audited. The cloud
     * follows at the next start or stop, which set the scalable target's range (see the start and stop steps).
     */
    @Transactional
    public Environment setAutoscaling(long teamId, long environmentId, TaskRange range) {
        Environment environment = environments.findByIdForUpdate(environmentId)
                .filter(found -> found.getTeamId() == teamId).orElseThrow(EnvironmentNotFoundException::new);
        if (environment.getState() == EnvironmentState.DELETED) {
            throw new ConflictException("This environment is deleted; create a new one instead.");
        }
        TaskRange before = environment.autoscaling();
        environment.setAutoscaling(range, clock.instant());
        auditLog.record(AuditEntry.success("environment.autoscaling.updated").team(teamId)
                .target("environment", environmentId).detail("name", environment.getName())
                .detail("before", describe(before)).detail("after", describe(range)));
        events.publishEvent(new EnvironmentChanged(teamId, environmentId, "updated"));
        return environment;
    }

    private static String describe(TaskRange range) {
        return range == null ? "1 task while on" : range.minTasks() + "–" + range.maxTasks() + " tasks while on, CPU"
                + " target " + range.cpuTargetPercent() + " %";
    }

    /**
     * A draft has nothing in the cloud: deleting it is immediate. An environment already deleted (a draft deleted
     * before, or one deprovisioned) stays as it is, so a repeated delete succeeds without a second audit event.
     */
    @Transactional
    public void deleteDraft(long teamId, long environmentId) {
        Environment environment = environments.findByIdForUpdate(environmentId)
                .filter(found -> found.getTeamId() == teamId).orElseThrow(EnvironmentNotFoundException::new);
        if (environment.getState() == EnvironmentState.DELETED) {
            return;
        }
        if (environment.getState() != EnvironmentState.DRAFT) {
            throw new ConflictException("Only a draft can be deleted directly; deprovision this one.");
        }
        environment.clearPendingElevenLabsKey();
        environment.moveTo(EnvironmentState.DELETED, clock.instant());
        auditLog.record(AuditEntry.success("environment.deleted").team(teamId).target("environment", environmentId)
                .detail("name", environment.getName()).detail("reason", "draft deleted before provisioning"));
        events.publishEvent(new EnvironmentChanged(teamId, environmentId, "deleted"));
    }

    /** The version of the MCP server this portal publishes, as the form offers it; empty if the build carries none. */
    public Optional<String> publishedServerVersion() {
        return serverImages.carriedVersion();
    }

    private void requireCarriedServer(EnvironmentInput input) {
        if (input.imageSource() == ImageSource.PUBLISHED && serverImages.carriedVersion().isEmpty()) {
            throw new InvalidInputException("imageSource", "This portal was built without the MCP server, so it has"
                    + " none to publish. Choose your own image.");
        }
    }

    private CloudAccount accountOf(EnvironmentInput input) {
        try {
            return accounts.get(input.cloudAccountId());
        } catch (CloudAccountNotFoundException e) {
            throw new InvalidInputException("cloudAccountId", "Choose a cloud account.");
        }
    }

    private static List<String> changedFields(Environment environment, EnvironmentInput input) {
        List<String> changed = new ArrayList<>();
        EnvironmentSpec spec = environment.spec();
        addIf(changed, "name", environment.getName(), input.name());
        addIf(changed, "cloudAccountId", environment.getCloudAccountId(), input.cloudAccountId());
        addIf(changed, "region", environment.getRegion(), input.region());
        addIf(changed, "size", spec.size(), input.size());
        addIf(changed, "architecture", spec.architecture(), input.architecture());
        addIf(changed, "image", spec.imageDescription(), EnvironmentSpec.describeImage(input.imageSource(),
                input.imageTag(), input.imageUri()));
        addIf(changed, "natInstanceType", spec.nat().instanceType(), input.natInstanceType());
        addIf(changed, "natSpot", spec.nat().spot(), input.natSpot());
        addIf(changed, "fargateSpot", spec.fargateSpot(), input.fargateSpot());
        addIf(changed, "logRetentionDays", spec.logRetentionDays(), input.logRetentionDays());
        addIf(changed, "allowedCidrs", spec.allowedCidrs(), input.allowedCidrs());
        return changed;
    }

    private static void addIf(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** The settings as the audit log records them: everything but the key. */
    private static String describe(Environment environment) {
        EnvironmentSpec spec = environment.spec();
        return "account " + environment.getCloudAccountId() + ", " + spec.region() + ", " + spec.size().vcpuLabel()
                + " vCPU/" + spec.size().memoryGbLabel() + " GB " + spec.architecture() + ", image "
                + spec.imageDescription() + ", NAT " + spec.nat().instanceType() + (spec.nat().spot() ? " spot" : "")
                + (spec.fargateSpot() ? ", Fargate Spot" : "") + ", logs " + spec.logRetentionDays() + " days"
                + (spec.allowedCidrs().isEmpty() ? "" : ", allow " + String.join(" ", spec.allowedCidrs()));
    }

    private static String newCloudId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static InvalidInputException duplicateName(String name) {
        return new InvalidInputException("name", "This team already has an environment named '" + name + "'.");
    }
}
