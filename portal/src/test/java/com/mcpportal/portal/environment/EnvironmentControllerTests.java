package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.ClockConfiguration;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.MachineImage;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountMode;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.EnvironmentScheduleSummaries.ScheduleSummary;
import com.mcpportal.portal.environment.drift.DriftCheck;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.environment.operation.OperationState;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.environment.operation.StepState;
import com.mcpportal.portal.environment.traffic.ErrorRateCheck;
import com.mcpportal.portal.environment.traffic.ErrorRatePanel;
import com.mcpportal.portal.environment.traffic.ErrorRateStatus;
import com.mcpportal.portal.environment.drift.NatImageCheck;
import com.mcpportal.portal.environment.drift.NatImageFinding;
import com.mcpportal.portal.environment.update.ServerUpdate;
import com.mcpportal.portal.environment.update.ServerUpdates;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.PortalWebMvcTest;
import com.mcpportal.portal.security.RoleRequiredException;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.KeptSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest({EnvironmentController.class, EnvironmentActionController.class})
@Import({EnvironmentPages.class, ConsistentReads.class, KeptSecrets.class, ClockConfiguration.class})
class EnvironmentControllerTests {

    static final PortalUserPrincipal ALICE = PortalUserPrincipal.of(1, "alice", false);
    static final String KEY = "xi-never-shown-again-123";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TeamAccess access;

    @MockitoBean
    EnvironmentService environments;

    @MockitoBean
    CloudAccounts accounts;

    @MockitoBean
    EnvironmentOperations operations;

    @MockitoBean
    DriftCheck drift;

    @MockitoBean
    ErrorRateCheck errorRate;

    @MockitoBean
    ServerUpdates serverUpdates;

    @MockitoBean
    NatImageCheck natImages;

    @MockitoBean
    EndpointHealth endpointHealth;

    @MockitoBean
    EnvironmentScheduleSummaries scheduleSummaries;

    /** The pages read in a snapshot transaction; the slice has no database. */
    @MockitoBean
    PlatformTransactionManager transactions;

    CloudAccount simulated;

    @BeforeEach
    void setUp() {
        simulated = mock(CloudAccount.class);
        given(simulated.getId()).willReturn(1L);
        given(simulated.getName()).willReturn("Simulated");
        given(simulated.getMode()).willReturn(CloudAccountMode.SIMULATED);
        given(simulated.isSimulated()).willReturn(true);
        given(simulated.getDefaultRegion()).willReturn("eu-central-1");
        given(accounts.all()).willReturn(List.of(simulated));
        given(accounts.get(1)).willReturn(simulated);
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Voice", TeamRole.OPERATOR, false));
        given(access.require(7, TeamRole.OPERATOR)).willReturn(new TeamGrant(7, "Voice", TeamRole.OPERATOR, false));
    }

    @Test
    void theNewFormStartsWithTheCheapestLayout() throws Exception {
        given(environments.publishedServerVersion()).willReturn(Optional.of("0.4.0"));

        mvc.perform(get("/teams/7/environments/new").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"256/512\" selected=\"selected\">0.25 vCPU, 0.5 GB</option>")))
                .andExpect(content().string(containsString("<option value=\"t4g.nano\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"7\" selected=\"selected\">7 days</option>")))
                .andExpect(content().string(containsString("value=\"ARM64\" selected=\"selected\"")))
                .andExpect(content().string(matchesPattern("(?s).*value=\"PUBLISHED\" id=\"imageSource-published\""
                        + "\\s+checked=\"checked\">.*")))
                .andExpect(content().string(containsString("MCP server published by the portal (version 0.4.0)")))
                .andExpect(content().string(containsString("My own image: a tag in this environment's ECR"
                        + " repository")));
    }

    @Test
    void aPortalBuiltWithoutTheServerOffersOnlyYourOwnImage() throws Exception {
        given(environments.publishedServerVersion()).willReturn(Optional.empty());

        mvc.perform(get("/teams/7/environments/new").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"imageSource-published\"\\s+disabled=\"disabled\">.*")))
                .andExpect(content().string(containsString("(not in this portal build)")));
    }

    @Test
    void thePageShowsTheVersionAndDigestOfThePublishedServer() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        ImageRef published = new ImageRef("123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-c0ffee@sha256:"
                + "ab".repeat(32), "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-c0ffee",
                "0.4.0-3f2c1ab-arm64-0123456789ab", "sha256:" + "ab".repeat(32), "0.4.0",
                "3f2c1ab9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f", Architecture.ARM64);
        ready.recordResources(CloudResources.NONE.withImage(published));
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());

        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"server-version\">0.4.0</span>")))
                .andExpect(content().string(containsString("commit 3f2c1ab")))
                .andExpect(content().string(containsString("id=\"server-tag\">0.4.0-3f2c1ab-arm64-0123456789ab")))
                .andExpect(content().string(containsString("id=\"server-digest\">sha256:" + "ab".repeat(32))));
    }

    @Test
    void aNewerCarriedServerIsOfferedAsAnUpdateAndTheEarlierOneAsARollBack() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        ready.setPower(EnvironmentPower.ON, Instant.now());
        ImageRef running = published("0.4.0");
        ImageRef earlier = published("0.3.2");
        ready.recordResources(CloudResources.NONE.withImage(running));
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());
        given(serverUpdates.check(ready)).willReturn(new ServerUpdate(ServerUpdate.Status.NEWER_VERSION, running,
                "0.5.0", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", earlier));

        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"update-available\">Update available</span>")))
                .andExpect(content().string(containsString("MCP server 0.5.0 is available; this environment runs"
                        + " 0.4.0.")))
                .andExpect(content().string(containsString("id=\"update-server\"")))
                .andExpect(content().string(containsString("/teams/7/environments/5/update-server")))
                .andExpect(content().string(containsString("id=\"roll-back\"")))
                .andExpect(content().string(containsString("id=\"rollback-target\">MCP server 0.3.2, sha256:")));

        given(serverUpdates.check(ready)).willReturn(new ServerUpdate(ServerUpdate.Status.UP_TO_DATE, running,
                "0.4.0", "3f2c1ab9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f", null));

        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(containsString("Up to date: this is the server the portal carries.")))
                .andExpect(content().string(not(containsString("id=\"update-server\""))))
                .andExpect(content().string(not(containsString("id=\"roll-back\""))));
    }

    @Test
    void updateAndRollBackAreOperationsOfTheSignedInUser() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));
        given(operations.requestServerUpdate(eq(5L), any())).willReturn(new OperationRequest.Enqueued(11,
                OperationKind.UPDATE_SERVER));
        given(operations.requestRollback(eq(5L), any())).willReturn(new OperationRequest.Refused("There is"
                + " nothing to roll back to."));

        mvc.perform(post("/teams/7/environments/5/update-server").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("success",
                        "Update server started; follow its progress below.", 11L)));
        mvc.perform(post("/teams/7/environments/5/roll-back").with(user(ALICE)).with(csrf()))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("error",
                        "There is nothing to roll back to.")));
        verify(operations).requestServerUpdate(5L, Actor.user("alice"));
        verify(operations).requestRollback(5L, Actor.user("alice"));
    }

    private static ImageRef published(String version) {
        String repository = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-c0ffee";
        String digest = "sha256:" + String.format("%064x", Math.abs(version.hashCode()));
        return new ImageRef(repository + "@" + digest, repository, version + "-3f2c1ab-arm64-0123456789ab", digest,
                version, "3f2c1ab9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f", Architecture.ARM64, "build-" + version);
    }

    @Test
    void thePageShowsTheNatsAmiAgainstTheLatestAndOffersToPatchItNow() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        ready.recordResources(CloudResources.NONE.withNat(new NatInstance("i-0nat", "eni-0nat", "sg-0nat",
                "ami-0old", "t4g.nano", NatState.RUNNING, null)));
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());
        given(natImages.latest(5)).willReturn(Optional.of(new NatImageFinding(5, Instant.parse("2026-05-02T04:00:00Z"),
                "i-0nat", 1, new MachineImage("ami-0old", "al2023-ami-minimal-2023.9.20260401.0-kernel-6.1-arm64",
                Instant.parse("2026-04-01T10:00:00Z")), new MachineImage("ami-0new",
                "al2023-ami-minimal-2023.9.20260501.0-kernel-6.1-arm64", Instant.parse("2026-05-01T10:00:00Z")))));

        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nat-instance\">i-0nat</code>")))
                .andExpect(content().string(containsString("id=\"nat-ami\">ami-0old (al2023-ami-minimal-2023.9.20260401"
                        + ".0-kernel-6.1-arm64, published 2026-04-01)</code>")))
                .andExpect(content().string(containsString("id=\"nat-latest-ami\">ami-0new (al2023-ami-minimal-2023.9"
                        + ".20260501.0-kernel-6.1-arm64, published 2026-05-01)</code>")))
                .andExpect(content().string(containsString("update available")))
                .andExpect(content().string(containsString("action=\"/teams/7/environments/5/patch-nat\"")));
    }

    @Test
    void patchNatNowAsksForTheOperationAsTheUser() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));
        given(operations.requestNatPatch(eq(5L), any())).willReturn(new OperationRequest.Enqueued(9,
                OperationKind.PATCH_NAT));

        mvc.perform(post("/teams/7/environments/5/patch-nat").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("success",
                        "Patch NAT started; follow its progress below.", 9L)));
        verify(operations).requestNatPatch(5L, Actor.user("alice"));
    }

    @Test
    void fargateSpotOnArmIsAcceptedAndTheFormNoLongerSaysX86Only() throws Exception {
        given(environments.create(eq(7L), any())).willAnswer(call -> {
            EnvironmentRules.validate(call.getArgument(1), true);
            return environment(EnvironmentState.DRAFT);
        });

        mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).param("name", "prod")
                        .param("cloudAccountId", "1").param("region", "eu-central-1").param("size", "256/512")
                        .param("architecture", "ARM64").param("imageSource", "REPOSITORY").param("imageTag", "latest")
                        .param("natInstanceType", "t4g.nano").param("fargateSpot", "true")
                        .param("logRetentionDays", "7").param("elevenLabsApiKey", KEY))
                .andExpect(redirectedUrl("/teams/7/environments/5"));
        verify(environments).create(eq(7L), org.mockito.ArgumentMatchers.argThat(input ->
                input.architecture() == Architecture.ARM64 && input.fargateSpot()));

        mvc.perform(get("/teams/7/environments/new").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fargate Spot (may be interrupted)")))
                .andExpect(content().string(not(containsString("x86_64 only"))));
    }

    @Test
    void aBlankNameAndAMissingSizeAreReportedAndNothingIsCreated() throws Exception {
        mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).param("name", " ")
                        .param("cloudAccountId", "1").param("region", "eu-central-1").param("architecture", "ARM64")
                        .param("imageSource", "REPOSITORY").param("natInstanceType", "t4g.nano")
                        .param("logRetentionDays", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name.")))
                .andExpect(content().string(containsString("Choose a size.")));
        verify(environments, never()).create(anyLong(), any());
    }

    @Test
    void aRefusedFormNamesEveryBadNetworkAndKeepsTheKeyOutOfThePageForTheRetry() throws Exception {
        given(environments.create(eq(7L), any())).willReturn(environment(EnvironmentState.DRAFT));
        MockHttpSession session = new MockHttpSession();

        String page = mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).session(session)
                        .param("name", "prod").param("cloudAccountId", "1").param("region", "eu-central-1")
                        .param("size", "256/512").param("architecture", "ARM64").param("imageSource", "REPOSITORY")
                        .param("imageTag", "").param("natInstanceType", "t4g.nano").param("logRetentionDays", "7")
                        .param("allowedCidrs", "203.0.113.0/24\n10.0.0.1\n198.51.100.0/24\n10.0.0.0/33")
                        .param("elevenLabsApiKey", KEY))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // One summary at the top with a link per problem, every bad network named beside its field.
        assertThat(page).contains("id=\"error-summary\"", "Not saved: 3 problems.", "href=\"#imageTag\"",
                "href=\"#allowedCidrs\"", "&#39;10.0.0.1&#39; has no prefix length",
                "&#39;10.0.0.0/33&#39; needs a prefix length", "203.0.113.0/24\n10.0.0.1");
        // The key is held server-side: the page carries a handle and says so, never the key.
        assertThat(page).doesNotContain(KEY).contains("Key entered, kept for", "name=\"keptKey\"");
        verify(environments, never()).create(anyLong(), any());
        Matcher handle = Pattern.compile("name=\"keptKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(handle.find()).isTrue();

        mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).session(session)
                        .param("name", "prod").param("cloudAccountId", "1").param("region", "eu-central-1")
                        .param("size", "256/512").param("architecture", "ARM64").param("imageSource", "REPOSITORY")
                        .param("imageTag", "1.4.0").param("natInstanceType", "t4g.nano").param("logRetentionDays", "7")
                        .param("allowedCidrs", "203.0.113.0/24").param("elevenLabsApiKey", "")
                        .param("keptKey", handle.group(1)))
                .andExpect(redirectedUrl("/teams/7/environments/5"));
        verify(environments).create(eq(7L), org.mockito.ArgumentMatchers.argThat(input ->
                KEY.equals(input.elevenLabsApiKey()) && "1.4.0".equals(input.imageTag())));
    }

    @Test
    void aKeptKeyFromAnotherSessionIsNotThereAndTheFormAsksForItAgain() throws Exception {
        mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).param("name", "prod")
                        .param("cloudAccountId", "1").param("region", "eu-central-1").param("size", "256/512")
                        .param("architecture", "ARM64").param("imageSource", "PUBLISHED")
                        .param("natInstanceType", "t4g.nano").param("logRetentionDays", "7")
                        .param("keptKey", "not-a-handle-of-this-session"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has been forgotten: enter it again")))
                .andExpect(content().string(containsString("href=\"#elevenLabsApiKey\"")))
                .andExpect(content().string(not(containsString("name=\"keptKey\""))));
        verify(environments, never()).create(anyLong(), any());
    }

    @Test
    void aCreatedEnvironmentOpensItsPageAsADraft() throws Exception {
        Environment created = environment(EnvironmentState.DRAFT);
        given(environments.create(eq(7L), any())).willReturn(created);

        mvc.perform(post("/teams/7/environments").with(user(ALICE)).with(csrf()).param("name", "prod")
                        .param("cloudAccountId", "1").param("region", "eu-central-1").param("size", "512/1024")
                        .param("architecture", "X86_64").param("imageSource", "URI")
                        .param("imageUri", "public.ecr.aws/acme/mcp:1").param("natInstanceType", "t4g.nano")
                        .param("fargateSpot", "true").param("logRetentionDays", "14")
                        .param("allowedCidrs", "203.0.113.0/24\n198.51.100.0/24").param("elevenLabsApiKey", KEY))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attributeExists("flash"));
        verify(environments).create(eq(7L), eq(new EnvironmentInput("prod", 1, "eu-central-1",
                new FargateSize(512, 1024), Architecture.X86_64, ImageSource.URI, null, "public.ecr.aws/acme/mcp:1",
                "t4g.nano", false, true, 14, List.of("203.0.113.0/24", "198.51.100.0/24"), KEY)));
    }

    @Test
    void theDetailPageShowsStateEndpointSnippetAndTheActionsTheStateAllows() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        ready.setPower(EnvironmentPower.ON, Instant.now());
        ready.recordResources(CloudResources.NONE.withIngress(new Ingress("api0", "vl0", "int0",
                "https://api0.execute-api.eu-central-1.amazonaws.com")));
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());

        mvc.perform(get("/teams/7/environments/5").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"environment-state\">Ready</span>")))
                .andExpect(content().string(containsString("https://api0.execute-api.eu-central-1.amazonaws.com/mcp")))
                .andExpect(content().string(containsString("&quot;Authorization&quot;: &quot;Bearer &lt;your key&gt;&quot;")))
                .andExpect(content().string(containsString("Stop now")))
                .andExpect(content().string(not(containsString(">Provision</button>"))))
                .andExpect(content().string(containsString("/js/environment-live.js")));

        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"live\"")))
                .andExpect(content().string(containsString("data-active=\"false\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void onlyTheValidPowerMoveIsOfferedAndNoneWhileAnOperationRuns() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());

        ready.setPower(EnvironmentPower.ON, Instant.now());
        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(containsString("Stop now")))
                .andExpect(content().string(not(containsString("Start now"))));

        ready.setPower(EnvironmentPower.OFF, Instant.now());
        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(containsString("Start now")))
                .andExpect(content().string(not(containsString("Stop now"))));

        given(operations.inFlight(5)).willReturn(Optional.of(running(OperationKind.STOP)));
        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(containsString("id=\"operation-running\"")))
                .andExpect(content().string(not(containsString("Start now"))))
                .andExpect(content().string(not(containsString("Stop now"))))
                .andExpect(content().string(not(containsString("Apply changes"))));
    }

    @Test
    void aFailedEnvironmentOffersRetryOnlyWhileItsLatestOperationIsTheFailedOne() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.FAILED));
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());

        given(operations.latest(5)).willReturn(Optional.of(finished(OperationKind.PROVISION, OperationState.FAILED)));
        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(containsString("action=\"/teams/7/environments/5/retry\"")));

        // Retry would be refused (EnvironmentOperations.retry): not offered.
        given(operations.latest(5)).willReturn(Optional.of(finished(OperationKind.PROVISION,
                OperationState.SUCCEEDED)));
        mvc.perform(get("/teams/7/environments/5/live").with(user(ALICE)))
                .andExpect(content().string(not(containsString("action=\"/teams/7/environments/5/retry\""))))
                .andExpect(content().string(containsString("Provision again")));
    }

    @Test
    void theStartedFlashNamesItsOperationAndTheLivePartTheOneInFlight() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));
        given(operations.requestStop(eq(5L), any())).willReturn(new OperationRequest.Enqueued(12,
                OperationKind.STOP));
        given(operations.inFlight(5)).willReturn(Optional.of(running(OperationKind.STOP)));
        given(operations.latest(5)).willReturn(Optional.of(running(OperationKind.STOP)));
        given(operations.history(5, 10)).willReturn(List.of());

        var flash = mvc.perform(post("/teams/7/environments/5/stop").with(user(ALICE)).with(csrf()))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("success",
                        "Stop started; follow its progress below.", 12L)))
                .andReturn().getFlashMap();
        mvc.perform(get("/teams/7/environments/5").with(user(ALICE)).flashAttrs(flash))
                .andExpect(content().string(containsString("data-operation=\"12\"")))
                .andExpect(content().string(containsString("data-in-flight=\"12\"")));
    }

    @Test
    void aDeletedEnvironmentsSettingsFormIsNotOffered() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.DELETED));

        mvc.perform(get("/teams/7/environments/5/edit").with(user(ALICE)))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("error",
                        "This environment is deleted; its settings can no longer change.")));
    }

    @Test
    void aDeletedEnvironmentIsARecordWithItsHistoryAndNoSettingsCostOrTraffic() throws Exception {
        Environment deleted = environment(EnvironmentState.DELETED);
        ReflectionTestUtils.setField(deleted, "deletedAt", Instant.parse("2026-12-01T10:00:00Z"));
        given(environments.get(7, 5)).willReturn(deleted);
        OperationView deprovision = finished(OperationKind.DEPROVISION);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.of(deprovision));
        given(operations.history(5, 10)).willReturn(List.of(deprovision));
        given(errorRate.panel(5, true)).willReturn(new ErrorRatePanel(new ErrorRateStatus(5, Instant.now(), null,
                List.of(), 0, 0, false, null, "Could not read the metrics"), null, true, "5%", 20, 1));
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Voice", TeamRole.OWNER, false));

        mvc.perform(get("/teams/7/environments/5").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"deleted-notice\"")))
                .andExpect(content().string(containsString("/audit?team=7&amp;targetType=environment&amp;targetId=5")))
                .andExpect(content().string(containsString("Operation history")))
                .andExpect(content().string(containsString("Settings when deleted")))
                .andExpect(content().string(not(containsString("Change settings"))))
                .andExpect(content().string(not(containsString("Monthly estimate"))))
                .andExpect(content().string(not(containsString("Cost details and what-if"))))
                .andExpect(content().string(not(containsString("id=\"traffic\""))))
                .andExpect(content().string(not(containsString("Deprovision</button>"))));
    }

    @Test
    void aPersonsStopHeldAgainstTheScheduleIsABannerWithResumeSchedule() throws Exception {
        Environment ready = environment(EnvironmentState.READY);
        ready.setPower(EnvironmentPower.OFF, Instant.now());
        given(environments.get(7, 5)).willReturn(ready);
        given(operations.inFlight(5)).willReturn(Optional.empty());
        given(operations.latest(5)).willReturn(Optional.empty());
        given(operations.history(5, 10)).willReturn(List.of());
        given(scheduleSummaries.summaryOf(ready)).willReturn(Optional.of(new ScheduleSummary(
                "Mon–Fri 08:00–20:00 (Europe/Berlin)", "on: window Mon 08:00–20:00 Europe/Berlin opened",
                "stops Mon 20:00 CET, in 3 h", "/teams/7/environments/5/schedule",
                "Stopped by alice until the schedule's next change at Mon 20:00 CET")));

        mvc.perform(get("/teams/7/environments/5").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Stopped by alice until the schedule&#39;s next change at"
                        + " Mon 20:00 CET.")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"schedule-hold\".*action=\""
                        + "/teams/7/environments/5/schedule/override/clear\".*name=\"back\" value=\"environment\""
                        + ".*id=\"resume-schedule\">Resume schedule</button>.*")));

        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Voice", TeamRole.VIEWER, false));
        mvc.perform(get("/teams/7/environments/5").with(user(ALICE)))
                .andExpect(content().string(containsString("id=\"schedule-hold\"")))
                .andExpect(content().string(not(containsString("Resume schedule"))));
    }

    @Test
    void anotherTeamsEnvironmentIsNotFoundAndNothingRuns() throws Exception {
        given(environments.get(7, 99)).willThrow(new EnvironmentNotFoundException());

        mvc.perform(post("/teams/7/environments/99/start").with(user(ALICE)).with(csrf()))
                .andExpect(status().isNotFound());
        verify(operations, never()).requestStart(anyLong(), any());
    }

    @Test
    void viewersCannotStartEnvironments() throws Exception {
        given(access.require(7, TeamRole.OPERATOR)).willThrow(new RoleRequiredException("Needs Operator"));

        mvc.perform(post("/teams/7/environments/5/start").with(user(ALICE)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(operations, never()).requestStart(anyLong(), any());
    }

    @Test
    void actionsAnswerWithTheOperationsMessage() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));
        given(operations.requestStop(eq(5L), any())).willReturn(new OperationRequest.Busy(3, OperationKind.START));

        mvc.perform(post("/teams/7/environments/5/stop").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("error",
                        "Another operation (start) is in progress on this environment; try again when it has finished.")));
        verify(operations).requestStop(5L, Actor.user("alice"));
    }

    @Test
    void anActionFromADashboardCardGoesBackToTheDashboardAndNowhereElse() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));
        given(operations.requestStop(eq(5L), any())).willReturn(new OperationRequest.Enqueued(12,
                OperationKind.STOP));

        mvc.perform(post("/teams/7/environments/5/stop").param("from", "dashboard").with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7"));
        mvc.perform(post("/teams/7/environments/5/stop").param("from", "https://elsewhere.example/")
                        .with(user(ALICE)).with(csrf()))
                .andExpect(redirectedUrl("/teams/7/environments/5"));
    }

    @Test
    void deprovisioningNeedsTheNameTypedExactly() throws Exception {
        given(environments.get(7, 5)).willReturn(environment(EnvironmentState.READY));

        mvc.perform(post("/teams/7/environments/5/deprovision").with(user(ALICE)).with(csrf())
                        .param("confirmName", "Prod"))
                .andExpect(redirectedUrl("/teams/7/environments/5"))
                .andExpect(flash().attribute("flash", new com.mcpportal.portal.web.Flash("error",
                        "Type the environment's name exactly (prod) to confirm; nothing was deleted.")));
        verify(operations, never()).requestDeprovision(anyLong(), any());

        given(operations.requestDeprovision(eq(5L), any())).willReturn(new OperationRequest.Enqueued(4,
                OperationKind.DEPROVISION));
        mvc.perform(post("/teams/7/environments/5/deprovision").with(user(ALICE)).with(csrf())
                        .param("confirmName", "prod"))
                .andExpect(redirectedUrl("/teams/7/environments/5"));
        verify(operations).requestDeprovision(5L, Actor.user("alice"));
    }

    static OperationView finished(OperationKind kind) {
        return new OperationView(13, 5, kind, OperationState.SUCCEEDED, "alice", null, Instant.now(), Instant.now(),
                Instant.now(), null, null, null, 1, List.of(new OperationView.StepView("network", "Network",
                        StepState.DONE, Instant.now(), Instant.now(), null, 1)));
    }

    static OperationView running(OperationKind kind) {
        return new OperationView(12, 5, kind, OperationState.RUNNING, "alice", null, Instant.now(), Instant.now(),
                null, null, null, null, 1, List.of(new OperationView.StepView("service", "Service", StepState.RUNNING,
                        Instant.now(), null, null, 1)));
    }

    static OperationView finished(OperationKind kind, OperationState state) {
        return new OperationView(12, 5, kind, state, "alice", null, Instant.now(), Instant.now(), Instant.now(),
                state == OperationState.FAILED ? "service" : null, null, null, 1, List.of());
    }

    static Environment environment(EnvironmentState state) {
        Environment environment = new Environment(7, "c0ffee", new EnvironmentInput("prod", 1, "eu-central-1",
                FargateSize.DEFAULT, Architecture.ARM64, ImageSource.REPOSITORY, "latest", null, "t4g.nano", false,
                false, 7, List.of(), KEY), Instant.now());
        ReflectionTestUtils.setField(environment, "id", 5L);
        ReflectionTestUtils.setField(environment, "state", state);
        return environment;
    }
}
