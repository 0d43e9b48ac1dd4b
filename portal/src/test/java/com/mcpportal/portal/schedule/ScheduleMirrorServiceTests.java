package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.SharedNetworkPlacement;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.store.MirrorStore;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The mirror pass's decisions for one environment, with the cloud played by a mock: AWS's refusal is recorded with
 * its message and audited once, not at every retry; a one-time schedule that ran and was deleted by AWS is no drift.
 */
class ScheduleMirrorServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Schedule SCHEDULE = Schedule.defaultFor(ZoneId.of("Europe/Berlin"));
    private static final EnvironmentRef REF = new EnvironmentRef(CloudTarget.defaultCredentials("1", "eu-west-1"),
            "env42", "Voice", "prod");

    private final MirrorStore store = mock(MirrorStore.class);
    private final ScheduleStore schedules = mock(ScheduleStore.class);
    private final EnvironmentService environments = mock(EnvironmentService.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final CloudProvider cloud = mock(CloudProvider.class);
    private final EnvironmentNetworks networks = mock(EnvironmentNetworks.class);
    private final ScheduleMirrorService mirrors = new ScheduleMirrorService(store, schedules, environments, audit,
            Clock.fixed(NOW, ZoneOffset.UTC), MirrorSettings.DEFAULTS, providerOf(networks));
    private final List<MirroredSchedule> wanted = ScheduleMirrors.translate(SCHEDULE, NOW, MirrorSettings.DEFAULTS);

    @BeforeEach
    void aReadyEnvironmentKeepingItsHoursInAws() {
        Environment environment = mock(Environment.class);
        given(environment.getState()).willReturn(EnvironmentState.READY);
        given(environment.getTeamId()).willReturn(7L);
        given(environment.getName()).willReturn("prod");
        given(environments.get(42L)).willReturn(environment);
        given(environments.cloudOf(42L)).willReturn(new EnvironmentCloud(cloud, REF, null));
        given(schedules.forEnvironment(7L, 42L)).willReturn(new StoredSchedule(SCHEDULE,
                StoredSchedule.Source.OWN, NOW, "alice"));
    }

    @Test
    void aRefusalIsRecordedWithAwssMessageAndAuditedOnceNotAtEveryRetry() {
        given(store.find(42L)).willReturn(Optional.of(row(MirrorStatus.State.PENDING, List.of())));
        given(cloud.readScheduleMirror(REF)).willReturn(List.of());
        willThrow(new CloudException(CloudErrorKind.ACCESS_DENIED, "mirror-schedule", "iam", "AccessDenied",
                "User is not authorized to perform: iam:PassRole", null)).given(cloud).mirrorSchedule(eq(REF), anyList());

        mirrors.check(42L, NOW);

        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(store).recordCheck(eq(42L), eq(MirrorStatus.State.FAILED), message.capture(), isNull(), eq(NOW));
        assertThat(message.getValue()).contains("not authorized to perform: iam:PassRole");
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo("schedule.mirror.failed");

        given(store.find(42L)).willReturn(Optional.of(row(MirrorStatus.State.FAILED, List.of())));
        mirrors.check(42L, NOW);
        verify(audit, times(1)).record(any(AuditEntry.class));
    }

    @Test
    void aOneTimeScheduleThatRanAndWasDeletedByAwsIsNoDriftAndNothingIsWritten() {
        MirroredSchedule ran = new MirroredSchedule("once-service-off-20261207T0900Z", "at(2026-12-07T09:00:00)", "UTC",
                com.mcpportal.portal.cloud.MirrorAction.STOP_SERVICE, null, null);
        List<MirroredSchedule> writtenEarlier = new java.util.ArrayList<>(wanted);
        writtenEarlier.add(ran);
        given(store.find(42L)).willReturn(Optional.of(row(MirrorStatus.State.IN_SYNC, writtenEarlier)));
        given(cloud.readScheduleMirror(REF)).willReturn(wanted);

        mirrors.check(42L, NOW);

        verify(store).recordCheck(42L, MirrorStatus.State.IN_SYNC, null, wanted, NOW);
        verify(cloud, never()).mirrorSchedule(any(), anyList());
        verify(audit, never()).record(any(AuditEntry.class));
    }

    @Test
    void anEnvironmentInASharedNetworkKeepsNoHoursInAwsItsMirrorIsRemovedAndThePageSaysWhyAuditedOnce() {
        // Given an environment that asked to keep its hours in AWS before it joined a shared network
        given(networks.networkOf(42L)).willReturn(Optional.of(new SharedNetworkPlacement(3L, "shared", "10.40.0.0/16",
                "10.40.0.0/24", "10.40.1.0/24")));
        given(store.find(42L)).willReturn(Optional.of(row(MirrorStatus.State.IN_SYNC, wanted)));

        // When the reconcile pass looks at it
        mirrors.check(42L, NOW);

        // Then nothing is written to AWS (a mirrored start would run its service without the network's NAT), what
        // was there is removed, and its status says why
        verify(cloud, never()).mirrorSchedule(any(), anyList());
        verify(cloud).deleteScheduleMirror(REF);
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(store).recordCheck(eq(42L), eq(MirrorStatus.State.FAILED), message.capture(), eq(List.of()), eq(NOW));
        assertThat(message.getValue()).contains("shared network").contains("without its NAT")
                .contains("Take it out of the network");
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo("schedule.mirror.failed");

        // And the next pass does not audit it again
        given(store.find(42L)).willReturn(Optional.of(row(MirrorStatus.State.FAILED, List.of())));
        mirrors.check(42L, NOW);
        verify(audit, times(1)).record(any(AuditEntry.class));
        verify(cloud, never()).mirrorSchedule(any(), anyList());
    }

    @Test
    void keepingTheHoursOfAnEnvironmentInASharedNetworkInAwsIsRefusedBesideTheOptionAndNothingIsStored() {
        given(networks.networkOf(42L)).willReturn(Optional.of(new SharedNetworkPlacement(3L, "shared", "10.40.0.0/16",
                "10.40.0.0/24", "10.40.1.0/24")));

        assertThatThrownBy(() -> mirrors.setKeepInCloud(7L, 42L, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("keeps its hours in the portal")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("keepInCloud");
        verify(store, never()).setKeep(anyLong(), anyBoolean(), any(), any());
        verify(audit, never()).record(any(AuditEntry.class));
    }

    private static ObjectProvider<EnvironmentNetworks> providerOf(EnvironmentNetworks bean) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("networks", bean);
        return beans.getBeanProvider(EnvironmentNetworks.class);
    }

    private static MirrorStore.Row row(MirrorStatus.State state, List<MirroredSchedule> written) {
        return new MirrorStore.Row(42L, new MirrorStatus(true, state, null, null), written);
    }
}
