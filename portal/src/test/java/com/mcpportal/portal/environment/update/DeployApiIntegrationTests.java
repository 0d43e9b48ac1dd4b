package com.mcpportal.portal.environment.update;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's CI deploys its own build ({@code POST …/environments/{id}/deploy}) with an operator's access token: an image
 * pinned by digest in the environment's own repository rolls out through "Update server"; an image from elsewhere is
 * refused until a team owner allows any source; refusals change nothing and are audited.
 */
@PortalIntegrationTest
class DeployApiIntegrationTests {

    private static final String DIGEST = "sha256:" + "c1".repeat(32);
    private static final String ELSEWHERE = "ghcr.io/acme/mcp-server@sha256:" + "d2".repeat(32);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    Team team;
    UserAccount ownerUser;
    UserAccount operatorUser;
    String owner;
    String operator;
    Environments environments;
    Environment environment;

    @BeforeEach
    void setUp() {
        ownerUser = data.user("deploy-owner");
        team = data.team("Deploys", ownerUser);
        operatorUser = data.user("deploy-ci");
        data.addMember(team, operatorUser, TeamRole.OPERATOR);
        AccessTokensForTests tokens = new AccessTokensForTests(context);
        owner = tokens.issue(ownerUser);
        operator = tokens.issue(operatorUser);
        environments = new Environments(context);
        environment = environments.ready(team.getId(), "ci");
    }

    @Test
    void aBuildInTheEnvironmentsRepositoryRollsOutAndTheSettingsNameItsDigest() throws Exception {
        String image = environment.resources().repository().uri() + "@" + DIGEST;

        MockHttpServletResponse accepted = deploy(image, "ci-run-41").andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString(base() + "/operations/")))
                .andExpect(jsonPath("$.kind").value("UPDATE_SERVER"))
                .andReturn().getResponse();
        long operationId = ((Number) JsonPath.read(accepted.getContentAsString(), "$.id")).longValue();
        environments.awaitOperation(operationId, "SUCCEEDED");

        mvc.perform(get(base()).with(bearer(operator))).andExpect(status().isOk())
                .andExpect(jsonPath("$.imageSource").value("URI"))
                .andExpect(jsonPath("$.imageUri").value(image))
                .andExpect(jsonPath("$.image.reference").value(image))
                .andExpect(jsonPath("$.image.digest").value(DIGEST));
        Environment deployed = environments.service().get(environment.getId());
        assertThat(deployed.resources().previous().image()).isEqualTo(environment.resources().image());
        assertThat(requested(operationId)).containsEntry("image", image).containsEntry("digestVerified", "true")
                .containsEntry("actor", operatorUser.getUsername());

        deploy(image, "ci-run-41").andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(operationId));
    }

    @Test
    void anImageFromElsewhereIsRefusedUntilAnOwnerAllowsAnySource() throws Exception {
        deploy(ELSEWHERE, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("image"))
                .andExpect(jsonPath("$.detail").value(containsString("is not this environment's repository")));
        assertThat(environments.operationStates(environment.getId())).as("nothing queued").hasSize(1);
        assertThat(refusals()).hasSize(1);

        mvc.perform(put("/api/v1/teams/" + team.getId() + "/server-updates").with(bearer(operator))
                .contentType("application/json").content("{\"allowAnyImageSource\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/teams/" + team.getId() + "/server-updates").with(bearer(owner))
                .contentType("application/json").content("{\"allowAnyImageSource\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.allowAnyImageSource").value(true))
                .andExpect(jsonPath("$.autoUpdateOffHours").value(false));
        assertThat(jdbc.queryForMap("SELECT actor, details->>'allowAnyImageSource' AS change FROM audit_event"
                + " WHERE action = 'team.server-updates.changed' AND team_id = ?", team.getId()))
                .containsEntry("actor", ownerUser.getUsername()).containsEntry("change", "false -> true");

        MockHttpServletResponse accepted = deploy(ELSEWHERE, null).andExpect(status().isAccepted()).andReturn()
                .getResponse();
        long operationId = ((Number) JsonPath.read(accepted.getContentAsString(), "$.id")).longValue();
        environments.awaitOperation(operationId, "SUCCEEDED");
        assertThat(requested(operationId)).as("another registry cannot be asked")
                .containsEntry("digestVerified", "false");
        Environment deployed = environments.service().get(environment.getId());
        assertThat(deployed.getImageSource()).isEqualTo(ImageSource.URI);
        assertThat(deployed.resources().image().reference()).isEqualTo(ELSEWHERE);
    }

    @Test
    void aDigestTheRegistryCannotFindIsRefusedBeforeAnythingChanges() throws Exception {
        setAnySource();
        String otherRepository = environment.resources().repository().uri().replaceAll("/[^/]+$", "/not-there");

        deploy(otherRepository + "@" + DIGEST, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("image"))
                .andExpect(jsonPath("$.detail").value(containsString("has no image " + DIGEST)));

        assertThat(environments.operationStates(environment.getId())).hasSize(1);
        assertThat(environments.service().get(environment.getId()).getState()).isEqualTo(EnvironmentState.READY);
        assertThat(refusals()).singleElement().satisfies(why -> assertThat(why).contains("RepositoryNotFound"));
    }

    @Test
    void anImageNotPinnedByDigestIsRefused() throws Exception {
        deploy(environment.resources().repository().uri() + ":latest", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("Name the image by its digest")));
        deploy(environment.resources().repository().uri() + "@sha256:abc", null)
                .andExpect(status().isUnprocessableContent());
        assertThat(environments.operationStates(environment.getId())).hasSize(1);
    }

    @Test
    void anOwnerReadsAndAViewerSeesThePolicyTheTeamPageShows() throws Exception {
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/server-updates").with(bearer(operator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.autoUpdateOffHours").value(false))
                .andExpect(jsonPath("$.allowAnyImageSource").value(false));
    }

    private org.springframework.test.web.servlet.ResultActions deploy(String image, String idempotencyKey)
            throws Exception {
        var request = post(base() + "/deploy").with(bearer(operator)).contentType("application/json")
                .content("{\"image\":\"" + image + "\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey + "-" + environment.getId());
        }
        return mvc.perform(request);
    }

    private void setAnySource() throws Exception {
        mvc.perform(put("/api/v1/teams/" + team.getId() + "/server-updates").with(bearer(owner))
                .contentType("application/json").content("{\"allowAnyImageSource\":true}"))
                .andExpect(status().isOk());
    }

    private String base() {
        return "/api/v1/teams/" + team.getId() + "/environments/" + environment.getId();
    }

    private Map<String, Object> requested(long operationId) {
        return jdbc.queryForMap("SELECT actor, details->>'image' AS image, details->>'digestVerified' AS"
                + " \"digestVerified\" FROM audit_event WHERE action = 'environment.update-server.requested'"
                + " AND details->>'operation' = ?", Long.toString(operationId));
    }

    private List<String> refusals() {
        return jdbc.queryForList("SELECT details->>'why' FROM audit_event WHERE action ="
                + " 'environment.update-server.refused' AND target_id = ?", String.class,
                environment.getId().toString());
    }
}
