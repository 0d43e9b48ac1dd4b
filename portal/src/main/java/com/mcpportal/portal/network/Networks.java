package com.mcpportal.portal.network;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.AwsRegions;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountNotFoundException;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networks: created by a team's owners (the team's own) or by administrators (shared with chosen teams), environments
 * put in and taken out, deleted when no environment is left in them. Callers check {@code TeamAccess} (or that the
 * user is an administrator) first; every change is audited. A draft joins or leaves a network here; a provisioned
 * environment moves in or out with an operation ({@link NetworkMoves}).
 */
@Service
public class Networks {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    /** Room for a public subnet per zone and a private subnet per environment and zone, at /24 or larger. */
    static final int WIDEST_PREFIX = 16;
    static final int NARROWEST_PREFIX = 22;

    private final NetworkStore store;
    private final CloudAccounts accounts;
    private final EnvironmentService environments;
    private final TeamService teams;
    private final AuditLog auditLog;
    private final NetworkTeardown teardown;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Networks(NetworkStore store, CloudAccounts accounts, EnvironmentService environments, TeamService teams,
            AuditLog auditLog, NetworkTeardown teardown, TransactionTemplate transactions, Clock clock) {
        this.teardown = teardown;
        this.transactions = transactions;
        this.store = store;
        this.accounts = accounts;
        this.environments = environments;
        this.teams = teams;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Network> usableBy(long teamId) {
        return store.usableBy(teamId);
    }

    @Transactional(readOnly = true)
    public List<Network> all() {
        return store.all();
    }

    /** A network the team may use; 404 otherwise, whether or not it exists. */
    @Transactional(readOnly = true)
    public Network get(long teamId, long networkId) {
        return store.find(networkId).filter(network -> network.usableBy(teamId)).orElseThrow(NetworkNotFoundException::new);
    }

    /** Any network (administrators). */
    @Transactional(readOnly = true)
    public Network get(long networkId) {
        return store.find(networkId).orElseThrow(NetworkNotFoundException::new);
    }

    /** The environments in the network (deleted ones included: they keep their history), in the order they joined. */
    @Transactional(readOnly = true)
    public List<Environment> environmentsIn(long networkId) {
        return store.environmentIds(networkId).stream().map(environments::get).toList();
    }

    /** Each environment's private subnet range in the network, by environment id (allocated ones only). */
    @Transactional(readOnly = true)
    public Map<Long, String> subnets(long networkId) {
        return store.subnetsByEnvironment(networkId);
    }

    /** A team's own network. */
    @Transactional
    public Network createForTeam(long teamId, NetworkInput input) {
        NetworkInput own = new NetworkInput(input.name(), input.cloudAccountId(), input.region(), input.vpcCidr(),
                input.azCount(), input.natPerAz(), List.of());
        return create(teamId, own);
    }

    /** An administrator's network, shared with the chosen teams. */
    @Transactional
    public Network createShared(NetworkInput input) {
        if (input.sharedWith().isEmpty()) {
            throw new InvalidInputException("sharedWith", "Choose at least one team to share the network with.");
        }
        Map<Long, String> names = teams.names(input.sharedWith());
        if (names.size() != input.sharedWith().size()) {
            throw new InvalidInputException("sharedWith", "One of the chosen teams does not exist.");
        }
        return create(null, input);
    }

    private Network create(Long teamId, NetworkInput input) {
        validate(input);
        if (store.nameTaken(teamId, input.name())) {
            throw duplicate(input.name());
        }
        long id;
        try {
            id = store.insert(teamId, input, clock.instant());
        } catch (DataIntegrityViolationException race) {
            throw duplicate(input.name());
        }
        Network network = get(id);
        auditLog.record(AuditEntry.success("network.created").team(teamId).target("network", id)
                .detail("name", network.name()).detail("region", network.region()).detail("vpcCidr", network.vpcCidr())
                .detail("zones", network.azCount()).detail("natPerZone", network.natPerAz())
                .detail("sharedWith", String.join(", ", teams.names(network.sharedWith()).values())));
        return network;
    }

    /** Puts a draft environment of the team in a network it may use, in the same account and region. */
    @Transactional
    public void addEnvironment(long teamId, long networkId, long environmentId) {
        Network network = get(teamId, networkId);
        store.lock(networkId);
        Environment environment = environments.get(teamId, environmentId);
        if (environment.getState() != EnvironmentState.DRAFT) {
            throw new InvalidInputException("environmentId", environment.getName() + " is " + environment.getState()
                    .label().toLowerCase() + "; only a draft joins a network here: move a provisioned environment"
                    + " from its own page (Move to network).");
        }
        if (environment.getCloudAccountId() != network.cloudAccountId() || !environment.getRegion().equals(network.region())) {
            throw new InvalidInputException("environmentId", environment.getName() + " runs in another cloud account or"
                    + " region than " + network.name() + " (" + network.region() + ").");
        }
        if (store.networkOf(environmentId).isPresent()) {
            throw new InvalidInputException("environmentId", environment.getName() + " is already in a network.");
        }
        String subnet = SubnetRanges.nextPrivate(network.vpcCidr(), network.azCount(), store.takenSubnets(networkId))
                .orElseThrow(() -> new InvalidInputException("environmentId", network.name() + " has no free /24 range"
                        + " left in " + network.vpcCidr() + " for another environment's subnet."));
        store.addEnvironment(networkId, environmentId, subnet, clock.instant());
        auditLog.record(AuditEntry.success("network.environment.added").team(teamId).target("network", networkId)
                .detail("network", network.name()).detail("environment", environment.getName())
                .detail("environmentId", environmentId).detail("subnet", subnet));
    }

    /** Takes a draft environment of the team out again: it gets its own network when provisioned. */
    @Transactional
    public void removeEnvironment(long teamId, long networkId, long environmentId) {
        Network network = get(teamId, networkId);
        store.lock(networkId);
        Environment environment = environments.get(teamId, environmentId);
        if (store.networkOf(environmentId).filter(id -> id == networkId).isEmpty()) {
            throw new InvalidInputException(null, environment.getName() + " is not in " + network.name() + ".");
        }
        if (environment.getState() != EnvironmentState.DRAFT) {
            throw new InvalidInputException(null, environment.getName() + " is " + environment.getState().label()
                    .toLowerCase() + "; only a draft leaves a network here: move a provisioned environment from its"
                    + " own page (Move to network).");
        }
        store.removeEnvironment(networkId, environmentId);
        auditLog.record(AuditEntry.success("network.environment.removed").team(teamId).target("network", networkId)
                .detail("network", network.name()).detail("environment", environment.getName())
                .detail("environmentId", environmentId));
    }

    /**
     * Deletes a team's own network, refused while an environment that is not deleted is in it. See
     * {@link #delete(long)}.
     */
    public void deleteForTeam(long teamId, long networkId) {
        Network network = transactions.execute(status -> get(teamId, networkId));
        if (network.adminShared()) {
            throw new InvalidInputException(null, network.name() + " was shared by an administrator; only an"
                    + " administrator can delete it.");
        }
        delete(network);
    }

    /**
     * Deletes any network (administrators), refused while an environment that is not deleted is in it. Its resources
     * in the cloud (VPC, public subnet, internet gateway, NAT instance, made by the first environment provisioned into
     * it) go first, while the request waits: only then are its rows deleted, so a cloud that refuses leaves the network
     * listed with the cloud's reason, to try again. Deprovisioning its environments never removes them.
     */
    public void delete(long networkId) {
        delete(transactions.execute(status -> get(networkId)));
    }

    private void delete(Network network) {
        transactions.executeWithoutResult(status -> refuseWhileInUse(network));
        teardown.deleteResources(network);
        transactions.executeWithoutResult(status -> {
            refuseWhileInUse(network);
            store.delete(network.id());
            auditLog.record(AuditEntry.success("network.deleted").team(network.teamId())
                    .target("network", network.id()).detail("name", network.name())
                    .detail("cloud", "its VPC, public subnet, internet gateway and NAT instance deleted"));
        });
    }

    private void refuseWhileInUse(Network network) {
        store.lock(network.id());
        // Those moving in count: their services may already run behind its NAT.
        long live = store.environmentIdsWithArriving(network.id()).stream().map(environments::get)
                .filter(e -> e.getState() != EnvironmentState.DELETED).count();
        if (live > 0) {
            throw new InvalidInputException(null, network.name() + " still has " + live + (live == 1 ? " environment"
                    : " environments") + "; take them out or deprovision them first. A network is never torn down"
                    + " under its environments.");
        }
    }

    void validate(NetworkInput input) {
        if (input.name() == null || input.name().isBlank()) {
            throw new InvalidInputException("name", "Enter a name.");
        }
        if (!NAME.matcher(input.name()).matches()) {
            throw new InvalidInputException("name", "A name has 1 to 40 letters, digits, spaces, dots, dashes or"
                    + " underscores, starting with a letter or digit.");
        }
        if (input.cloudAccountId() == null) {
            throw new InvalidInputException("cloudAccountId", "Choose a cloud account.");
        }
        try {
            accounts.get(input.cloudAccountId());
        } catch (CloudAccountNotFoundException e) {
            throw new InvalidInputException("cloudAccountId", "Choose a cloud account.");
        }
        AwsRegions.validate(input.region()).ifPresent(message -> {
            throw new InvalidInputException("region", message);
        });
        cidrProblem(input.vpcCidr()).ifPresent(message -> {
            throw new InvalidInputException("vpcCidr", message);
        });
        if (input.azCount() != 1 && input.azCount() != 2) {
            throw new InvalidInputException("azCount", "Choose one availability zone or two.");
        }
        if (input.natPerAz() && input.azCount() != 2) {
            throw new InvalidInputException("natPerAz", "A NAT instance per zone needs two zones; with one zone there"
                    + " is one NAT instance.");
        }
    }

    /** What is wrong with a VPC CIDR, if anything: a private IPv4 range from /16 to /22, on its own boundary. */
    static java.util.Optional<String> cidrProblem(String cidr) {
        Matcher m = cidr == null ? null : CIDR.matcher(cidr.trim());
        if (m == null || !m.matches()) {
            return java.util.Optional.of("Enter an IPv4 range like 10.20.0.0/16.");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return java.util.Optional.of("Enter an IPv4 range like 10.20.0.0/16.");
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < WIDEST_PREFIX || prefix > NARROWEST_PREFIX) {
            return java.util.Optional.of("A VPC range is /16 to /22 here: /16 holds the most environments, /22 still"
                    + " holds a public subnet per zone and a few environments.");
        }
        if ((address & (0xFFFFFFFFL >>> prefix)) != 0) {
            return java.util.Optional.of("The range does not start on its boundary; did you mean "
                    + boundary(address, prefix) + "?");
        }
        boolean isPrivate = (address >>> 24) == 10 || (address >>> 20) == (172L << 4 | 1) || (address >>> 16) == (192L << 8 | 168);
        if (!isPrivate) {
            return java.util.Optional.of("Use a private range: within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.");
        }
        return java.util.Optional.empty();
    }

    private static String boundary(long address, int prefix) {
        long start = address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (start >>> 24) + "." + (start >>> 16 & 255) + "." + (start >>> 8 & 255) + "." + (start & 255) + "/" + prefix;
    }

    private static InvalidInputException duplicate(String name) {
        return new InvalidInputException("name", "A network named '" + name + "' already exists.");
    }
}
