package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import org.junit.jupiter.api.Test;

/**
 * Whether a member of a shared network needs its NAT instance, over every combination of recorded state, power,
 * operation in flight (each kind, a stop before and after its service drained) and what its service runs in the
 * cloud (nothing, missing, desired but not yet running, running, pending, a cloud that cannot answer): 864 cases.
 */
class SharedNatDemandTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static final List<ServiceCounts> SERVICES = List.of(ServiceCounts.MISSING,
            new ServiceCounts("ACTIVE", 0, 0, 0), new ServiceCounts("ACTIVE", 1, 0, 0),
            new ServiceCounts("ACTIVE", 1, 1, 0), new ServiceCounts("ACTIVE", 0, 1, 0),
            new ServiceCounts("DRAINING", 0, 0, 1), new ServiceCounts("ACTIVE", 2, 1, 1));

    @Test
    void aServiceWithTasksInTheCloudAlwaysKeepsTheNatOnWhateverThePortalRecords() {
        for (Case c : cases()) {
            if (c.service() != null && hasTasks(c.service()) && c.state() != EnvironmentState.DELETED) {
                assertThat(c.needsNat()).as("%s", c).isTrue();
            }
        }
    }

    @Test
    void aMemberStuckFailedOrOffWithItsServiceAtZeroNoLongerKeepsTheNatOn() {
        int seen = 0;
        for (Case c : cases()) {
            boolean recordSaysOff = c.state() == EnvironmentState.FAILED || c.state() == EnvironmentState.DRAFT
                    || c.state() == EnvironmentState.READY && c.power() == EnvironmentPower.OFF;
            if (recordSaysOff && c.inFlight() == null && c.service() != null && !hasTasks(c.service())) {
                assertThat(c.needsNat()).as("%s", c).isFalse();
                seen++;
            }
        }
        assertThat(seen).as("failed or draft, on or off, and ready and off; each with no service or an empty one")
                .isEqualTo(5 * 2);
    }

    @Test
    void aStopWhoseServiceHasDrainedNoLongerNeedsItThoughItsPowerIsRecordedOnUntilTheStopEnds() {
        int seen = 0;
        for (Case c : cases()) {
            boolean drainedStop = c.inFlight() != null && c.inFlight().getKind() == OperationKind.STOP
                    && c.inFlight().step("scale-down").orElseThrow().getState() == StepState.DONE;
            if (drainedStop && c.state() == EnvironmentState.READY && c.service() != null && !hasTasks(c.service())) {
                assertThat(c.needsNat()).as("%s", c).isFalse();
                seen++;
            }
        }
        assertThat(seen).as("on or off, with no service or an empty one").isEqualTo(2 * 2);
    }

    @Test
    void aStartOrProvisionInFlightOrAStopNotYetDrainedKeepsTheNatOnEvenWithTheServiceAtZero() {
        for (Case c : cases()) {
            if (c.state() == EnvironmentState.DELETED || c.inFlight() == null) {
                continue;
            }
            OperationKind kind = c.inFlight().getKind();
            boolean drained = kind == OperationKind.STOP && c.inFlight().step("scale-down")
                    .map(step -> step.getState() == StepState.DONE).orElse(false);
            if (kind == OperationKind.START || kind == OperationKind.PROVISION
                    || kind == OperationKind.STOP && !drained) {
                assertThat(c.needsNat()).as("%s", c).isTrue();
            }
        }
    }

    @Test
    void aCloudThatCannotAnswerCountsAsNeedingTheNatAndAReadyOneThatIsOnIsNotAsked() {
        for (Case c : cases()) {
            if (c.service() == null && c.state() != EnvironmentState.DELETED) {
                assertThat(c.needsNat()).as("%s", c).isTrue();
            }
            if (c.state() == EnvironmentState.READY && c.power() == EnvironmentPower.ON && c.inFlight() == null) {
                assertThat(c.cloudCalls()).as("%s", c).isZero();
            }
        }
    }

    @Test
    void aDeletedMemberNeverNeedsIt() {
        cases().stream().filter(c -> c.state() == EnvironmentState.DELETED)
                .forEach(c -> assertThat(c.needsNat()).as("%s", c).isFalse());
    }

    private static boolean hasTasks(ServiceCounts service) {
        return service.desired() + service.running() + service.pending() > 0;
    }

    /** Every combination, each decided once, with the number of times it asked the cloud. */
    private static List<Case> cases() {
        List<Operation> inFlight = new ArrayList<>();
        inFlight.add(null);
        for (OperationKind kind : OperationKind.values()) {
            inFlight.add(operation(kind, false));
            if (kind == OperationKind.STOP) {
                inFlight.add(operation(kind, true));
            }
        }
        List<ServiceCounts> services = new ArrayList<>(SERVICES);
        services.add(null); // the cloud cannot answer
        List<Case> cases = new ArrayList<>();
        for (EnvironmentState state : EnvironmentState.values()) {
            for (EnvironmentPower power : EnvironmentPower.values()) {
                for (Operation operation : inFlight) {
                    for (ServiceCounts service : services) {
                        AtomicInteger calls = new AtomicInteger();
                        Supplier<ServiceCounts> cloud = () -> {
                            calls.incrementAndGet();
                            if (service == null) {
                                throw new CloudException(CloudErrorKind.TRANSIENT, "describe", "ecs",
                                        "ThrottlingException", "Rate exceeded", null);
                            }
                            return service;
                        };
                        boolean needs = SharedNatDemand.needsNat(state, power, operation, cloud);
                        cases.add(new Case(state, power, operation, service, needs, calls.get()));
                    }
                }
            }
        }
        assertThat(cases).hasSize(6 * 2 * (OperationKind.values().length + 2) * 8);
        return cases;
    }

    private static Operation operation(OperationKind kind, boolean drained) {
        List<String> steps = OperationPlans.steps(kind).stream().map(CloudStep::name).toList();
        Operation operation = new Operation(1, kind, Actor.user("admin"), steps, NOW);
        if (drained) {
            OperationStep scaleDown = operation.step("scale-down").orElseThrow();
            scaleDown.begin(NOW);
            scaleDown.done("0 of 0 tasks running", NOW);
        }
        return operation;
    }

    private record Case(EnvironmentState state, EnvironmentPower power, Operation inFlight, ServiceCounts service,
            boolean needsNat, int cloudCalls) {

        @Override
        public String toString() {
            return state + "/" + power + ", in flight: " + (inFlight == null ? "none" : inFlight.getKind()
                    + inFlight.step("scale-down").map(step -> " scale-down " + step.getState()).orElse(""))
                    + ", service: " + (service == null ? "cloud error" : service);
        }
    }
}
