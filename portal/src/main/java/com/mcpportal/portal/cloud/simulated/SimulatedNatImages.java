package com.mcpportal.portal.cloud.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MachineImage;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;

import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.NAT;

/**
 * The AMIs the simulated cloud publishes for NAT instances, per region and architecture, and NAT instances kept on
 * the latest. Amazon publishes a new Amazon Linux 2023 image every couple of weeks; here a new one appears when the
 * latest is asked for and the newest is older than {@link #RELEASE_PERIOD}, or at once through {@link #publish} (the
 * provider's test hook). The images are rows in the portal's database ({@link SimulatedStore}), so every portal
 * instance sees the same releases. A replacement rewrites the NAT's row in one write (new id, interface, address and
 * AMI), so a crash leaves the old instance or the new, never two, after as long as EC2 would take.
 */
final class SimulatedNatImages {

    /** About Amazon Linux 2023's release cadence. */
    static final Duration RELEASE_PERIOD = Duration.ofDays(14);

    private static final Logger log = LoggerFactory.getLogger(SimulatedNatImages.class);
    private static final DateTimeFormatter RELEASE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneOffset.UTC);

    private final SimulatedStore store;
    private final Clock clock;
    private final Consumer<Duration> pause;
    private final SimulatedSettings settings;

    SimulatedNatImages(SimulatedStore store, Clock clock, Consumer<Duration> pause, SimulatedSettings settings) {
        this.store = store;
        this.clock = clock;
        this.pause = pause;
        this.settings = settings;
    }

    Optional<NatImageStatus> status(EnvironmentRef env) {
        return store.find(env, NAT).map(row -> {
            NatInstance nat = SimulatedProvisioning.natInstance(row);
            return new NatImageStatus(nat, find(nat.imageId()), latestFor(env, nat), 1);
        });
    }

    /** Launch, boot and status checks, and a stop when it ends stopped; only the power move if it is on the latest. */
    NatInstance replace(EnvironmentRef env, NatState endState) {
        SimulatedResource row = store.find(env, NAT).orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, "replace-nat-instance", "ec2", null, "Environment "
                + env.environmentId() + " has no NAT instance; provision it first", null));
        NatInstance old = SimulatedProvisioning.natInstance(row);
        MachineImage latest = latestFor(env, old);
        Map<String, Object> attributes = new LinkedHashMap<>(row.attributes());
        if (latest.imageId().equals(old.imageId())) {
            if (old.state() != endState) {
                pause.accept(settings.waitDelay());
                store.update(env, NAT, endState.name(), attributes);
            }
        } else {
            pause.accept(settings.stepDelay().plus(settings.waitDelay().multipliedBy(
                    endState == NatState.STOPPED ? 3 : 2)));
            String instanceId = SimulatedIds.ec2("i");
            attributes.put("ami", latest.imageId());
            attributes.put("eni", SimulatedIds.ec2("eni"));
            attributes.put("publicIp", SimulatedIds.publicIp());
            store.replace(env, new SimulatedResource(NAT, instanceId, SimulatedIds.arn(env, "ec2", "instance/"
                    + instanceId), endState.name(), attributes));
            log.info("environment {}: simulated NAT {} ({}) replaced by {} ({})", env.environmentId(),
                    old.instanceId(), old.imageId(), instanceId, latest.imageId());
        }
        return SimulatedProvisioning.natInstance(store.find(env, NAT).orElseThrow());
    }

    /** The latest AMI for NAT instances of this architecture in the region (published now if due). */
    MachineImage latest(String region, Architecture architecture) {
        return store.newestNatImage(region, architecture.name())
                .filter(image -> image.createdAt().plus(RELEASE_PERIOD).isAfter(clock.instant()))
                .orElseGet(() -> publish(region, architecture));
    }

    /** Publishes a new AMI for the region and architecture now; it is the latest from now on. */
    MachineImage publish(String region, Architecture architecture) {
        Instant now = clock.instant();
        MachineImage image = new MachineImage(SimulatedIds.ec2("ami"), "al2023-ami-minimal-2023.9."
                + RELEASE_DATE.format(now) + ".0-kernel-6.1-" + architecture.ec2Name(), now);
        store.insertNatImage(image, region, architecture.name());
        return image;
    }

    /** An AMI published here; just its id for one that is not (a NAT made before the simulated cloud kept them). */
    MachineImage find(String imageId) {
        return store.natImage(imageId).orElseGet(() -> MachineImage.of(imageId));
    }

    private MachineImage latestFor(EnvironmentRef env, NatInstance nat) {
        return latest(env.target().region(), architectureOf(nat.instanceType()));
    }

    /** The architecture of an EC2 instance type: Graviton families carry a {@code g} ({@code t4g}, {@code m7g}). */
    static Architecture architectureOf(String instanceType) {
        String family = instanceType == null ? "" : instanceType.split("\\.")[0];
        return family.matches("[a-z]+\\d+[a-z]*g[a-z]*") ? Architecture.ARM64 : Architecture.X86_64;
    }
}
