package com.mcpportal.portal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters and keyset pages on the real database, including events arriving between page loads. */
@PortalIntegrationTest
class AuditSearchIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditSearch search;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagingOlderThenNewerVisitsEveryEventOnceWhileNewEventsArrive() {
        Team team = data.team("Paging", data.user("pager"));
        for (int i = 0; i < 23; i++) {
            auditLog.record(AuditEntry.success("test.paging.step").team(team.getId()).detail("n", i));
        }
        AuditScope scope = AuditScope.ofTeams(Map.of(team.getId(), team.getName()));
        List<Long> expected = jdbc.queryForList("SELECT id FROM audit_event WHERE team_id = ? "
                + "ORDER BY occurred_at DESC, id DESC", Long.class, team.getId());
        assertThat(expected).hasSize(24); // team.created, then the 23

        AuditPage page = search.page(scope, AuditFilter.NONE, null, 5);
        assertThat(page.hasNewer()).isFalse();
        List<Long> seen = new ArrayList<>(ids(page));
        List<AuditPage> pages = new ArrayList<>(List.of(page));
        while (page.hasOlder()) {
            // Someone keeps working while the reviewer reads: new events must not shift the older pages.
            auditLog.record(AuditEntry.success("test.paging.meanwhile").team(team.getId()));
            page = search.page(scope, AuditFilter.NONE, AuditCursor.olderThan(page.oldestId()), 5);
            assertThat(page.hasNewer()).isTrue();
            seen.addAll(ids(page));
            pages.add(page);
        }
        assertThat(seen).as("no duplicates, no gaps, newest first").isEqualTo(expected);
        assertThat(pages).hasSize(5);
        assertThat(pages.get(4).events()).hasSize(4);

        AuditPage back = search.page(scope, AuditFilter.NONE, AuditCursor.newerThan(pages.get(4).newestId()), 5);
        assertThat(ids(back)).isEqualTo(ids(pages.get(3)));
        assertThat(back.hasOlder()).isTrue();
        AuditPage second = search.page(scope, AuditFilter.NONE, AuditCursor.newerThan(pages.get(1).newestId()), 5);
        assertThat(ids(second)).as("the events just newer, not the ones that arrived since").isEqualTo(ids(pages.get(0)));
        assertThat(second.hasNewer()).isTrue();

        AuditPage top = search.page(scope, AuditFilter.NONE, AuditCursor.newerThan(pages.get(0).newestId()), 5);
        assertThat(top.hasNewer()).as("paging back to the top shows a full first page").isFalse();
        assertThat(top.events()).hasSize(5).extracting(ChainedEvent::action).containsExactly("test.paging.meanwhile",
                "test.paging.meanwhile", "test.paging.meanwhile", "test.paging.meanwhile", "test.paging.step");
    }

    @Test
    void eachFilterFindsExactlyItsEvents() {
        Team team = data.team("Filters", data.user("filterer"));
        long teamId = team.getId();
        long started = record(AuditEntry.success("environment.started").team(teamId).actor("scheduler")
                .target("environment", "env-1").detail("reason", "window opened"));
        long stopped = record(AuditEntry.failure("environment.stopped").team(teamId).actor("scheduler")
                .target("environment", "env-2").detail("reason", "Window CLOSED"));
        long exact = record(AuditEntry.success("environment").team(teamId).actor("alice"));
        long lookalike = record(AuditEntry.success("environmental.noise").team(teamId).actor("alice")
                .detail("note", "100% sure_thing"));
        long denied = record(AuditEntry.denied("team.access.denied").team(teamId).actor("mallory")
                .target("team", teamId));
        AuditScope scope = AuditScope.ofTeams(Map.of(teamId, team.getName()));

        assertThat(find(scope, filter().actor("scheduler"))).containsExactly(stopped, started);
        assertThat(find(scope, filter().action("environment.*"))).containsExactly(stopped, started);
        assertThat(find(scope, filter().action("environment."))).containsExactly(stopped, started);
        assertThat(find(scope, filter().action("environment"))).as("a name matches itself and its sub-actions")
                .containsExactly(exact, stopped, started);
        assertThat(find(scope, filter().action("environment.stopped"))).containsExactly(stopped);
        assertThat(find(scope, filter().action("env*"))).containsExactly(lookalike, exact, stopped, started);
        assertThat(find(scope, filter().target("environment", null))).containsExactly(stopped, started);
        assertThat(find(scope, filter().target("environment", "env-2"))).containsExactly(stopped);
        assertThat(find(scope, filter().target(null, Long.toString(teamId)))).contains(denied);
        assertThat(find(scope, filter().outcome(AuditOutcome.DENIED))).containsExactly(denied);
        assertThat(find(scope, filter().outcome(AuditOutcome.FAILURE))).containsExactly(stopped);
        assertThat(find(scope, filter().text("window"))).as("case-insensitive").containsExactly(stopped, started);
        assertThat(find(scope, filter().text("100%"))).as("% is literal").containsExactly(lookalike);
        assertThat(find(scope, filter().text("window_opened"))).as("_ is literal, not any character").isEmpty();
        assertThat(find(scope, filter().actor("alice").action("environment"))).containsExactly(exact);

        Instant stoppedAt = timeOf(stopped);
        Instant deniedAt = timeOf(denied);
        assertThat(find(scope, filter().between(stoppedAt, deniedAt))).as("from inclusive, until exclusive")
                .containsExactly(lookalike, exact, stopped);
    }

    @Test
    void aScopeShowsOnlyItsTeamsAndPlatformEventsOnlyToAdmins() {
        Team mine = data.team("Mine", data.user("mine"));
        Team theirs = data.team("Theirs", data.user("theirs"));
        long own = record(AuditEntry.success("test.scope").team(mine.getId()));
        long foreign = record(AuditEntry.success("test.scope").team(theirs.getId()));
        long platform = record(AuditEntry.success("test.scope"));

        AuditScope owner = AuditScope.ofTeams(Map.of(mine.getId(), mine.getName()));
        assertThat(find(owner, filter().action("test.scope"))).containsExactly(own);
        assertThat(search.find(owner, foreign)).isEmpty();
        assertThat(search.find(owner, platform)).isEmpty();
        assertThat(search.find(owner, own)).isPresent();

        AuditScope admin = AuditScope.everything(Map.of());
        assertThat(find(admin, filter().action("test.scope"))).startsWith(platform, foreign, own);
        assertThat(find(admin, new Filter(new AuditFilter(null, true, null, "test.scope", null, null, null, null, null,
                null)))).containsExactly(platform).doesNotContain(own);
        assertThat(find(admin, filter().team(theirs.getId()).action("test.scope"))).containsExactly(foreign);
    }

    private long record(AuditEntry entry) {
        return auditLog.record(entry);
    }

    private Instant timeOf(long id) {
        return jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), id);
    }

    private List<Long> find(AuditScope scope, Filter filter) {
        List<Long> ids = new ArrayList<>();
        Set<Long> unique = new HashSet<>();
        AuditPage page = search.page(scope, filter.value(), null, 3);
        ids.addAll(ids(page));
        while (page.hasOlder()) {
            page = search.page(scope, filter.value(), AuditCursor.olderThan(page.oldestId()), 3);
            ids.addAll(ids(page));
        }
        unique.addAll(ids);
        assertThat(unique).hasSameSizeAs(ids);
        return ids;
    }

    private static List<Long> ids(AuditPage page) {
        return page.events().stream().map(ChainedEvent::id).toList();
    }

    private static Filter filter() {
        return new Filter(AuditFilter.NONE);
    }

    /** Builds filters readably in the assertions above. */
    private record Filter(AuditFilter value) {

        Filter team(long id) {
            return with(new AuditFilter(id, false, value.actor(), value.action(), value.targetType(), value.targetId(),
                    value.outcome(), value.since(), value.until(), value.text()));
        }

        Filter actor(String actor) {
            return with(new AuditFilter(value.teamId(), false, actor, value.action(), value.targetType(),
                    value.targetId(), value.outcome(), value.since(), value.until(), value.text()));
        }

        Filter action(String action) {
            return with(new AuditFilter(value.teamId(), value.platformOnly(), value.actor(), action, value.targetType(),
                    value.targetId(), value.outcome(), value.since(), value.until(), value.text()));
        }

        Filter target(String type, String id) {
            return with(new AuditFilter(value.teamId(), false, value.actor(), value.action(), type, id,
                    value.outcome(), value.since(), value.until(), value.text()));
        }

        Filter outcome(AuditOutcome outcome) {
            return with(new AuditFilter(value.teamId(), false, value.actor(), value.action(), value.targetType(),
                    value.targetId(), outcome, value.since(), value.until(), value.text()));
        }

        Filter between(Instant since, Instant until) {
            return with(new AuditFilter(value.teamId(), false, value.actor(), value.action(), value.targetType(),
                    value.targetId(), value.outcome(), since, until, value.text()));
        }

        Filter text(String text) {
            return with(new AuditFilter(value.teamId(), false, value.actor(), value.action(), value.targetType(),
                    value.targetId(), value.outcome(), value.since(), value.until(), text));
        }

        private static Filter with(AuditFilter filter) {
            return new Filter(filter);
        }
    }
}
