package com.mcpportal.portal.audit;

import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page's {@code before} and {@code after} cursors are event ids. An id of another team's event is
 * resolved only inside the reader's own scope, so it is answered exactly like an id that does not exist: it neither
 * confirms that the event exists nor brackets its time between the reader's own events.
 */
@PortalIntegrationTest
class AuditCursorScopeIntegrationTests {

    private static final long NO_SUCH_EVENT = 987_654_321_000L;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AuditLog auditLog;

    @Test
    void anotherTeamsEventIdAsACursorIsAnsweredLikeAnUnknownId() throws Exception {
        UserAccount reader = data.user("cursor-reader");
        Team own = data.team("Cursor Own", reader);
        Team foreign = data.team("Cursor Foreign", data.user("cursor-victim"));
        String before = TestData.unique("own-event-before");
        String after = TestData.unique("own-event-after");
        auditLog.record(AuditEntry.success("test.cursor").team(own.getId()).detail("note", before));
        long foreignEvent = auditLog.record(AuditEntry.success("test.cursor").team(foreign.getId()));
        auditLog.record(AuditEntry.success("test.cursor").team(own.getId()).detail("note", after));
        PortalUserPrincipal as = TestData.principal(reader);

        for (String cursor : new String[] {"before", "after"}) {
            String withForeignId = page(as, cursor, foreignEvent);
            String withUnknownId = page(as, cursor, NO_SUCH_EVENT);

            assertThat(withForeignId).as("the page for %s=<another team's event>", cursor)
                    .isEqualTo(withUnknownId).contains(before, after);
        }
    }

    @Test
    void pagingPastTheOldestEventShowsAnEmptyPageThatLeadsBackToTheNewest() throws Exception {
        UserAccount reader = data.user("cursor-edge");
        Team own = data.team("Cursor Edge", reader);
        String action = "test.cursor-edge." + own.getId();
        long only = auditLog.record(AuditEntry.success(action).team(own.getId()));

        String html = mvc.perform(get("/audit").param("action", action).param("zone", "UTC")
                        .param("before", Long.toString(only)).with(user(TestData.principal(reader))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("Audit event " + only)
                .contains("href=\"/audit?action=" + action + "&amp;zone=UTC\" rel=\"prev\"");
    }

    private String page(PortalUserPrincipal as, String cursor, long eventId) throws Exception {
        String html = mvc.perform(get("/audit").param("action", "test.cursor").param("zone", "UTC")
                        .param(cursor, Long.toString(eventId)).with(user(as)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}
