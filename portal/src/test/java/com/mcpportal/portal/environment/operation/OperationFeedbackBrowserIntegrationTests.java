package com.mcpportal.portal.environment.operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the pages say about an operation once it ends: the "started" flash goes, a failed one offers Retry, a
 * dashboard card follows its operation to the end, and a page read at the very moment it ends still comes to show
 * the end.
 */
class OperationFeedbackBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    OperationRunner runner;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void theStartedFlashStaysWhileTheOperationRunsAndGoesWhenItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                try {
                    release.await(60, TimeUnit.SECONDS); // held until the test has read the page
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Team team = data.team("Flash", data.admin());
        Environment draft = new Environments(context).draft(team.getId(), "flash");
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/environments/"
                + draft.getId());

        // Given an operation that is running
        browser.press("Provision");
        assertThat(browser.flash()).contains("Provision started");
        assertThat(browser.shows(".flash[data-operation]")).isTrue();
        assertThat(browser.texts("#operation-running").get(0)).startsWith("Provision in progress");

        // when it ends, the announcement goes, without a reload
        browser.script("window.portalTestMarker = 'same page';");
        release.countDown();
        browser.awaitText("#environment-state", "Ready");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.shows(".flash[data-operation]"));
        assertThat(browser.script("return window.portalTestMarker")).isEqualTo("same page");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFailedEnvironmentOffersRetryOnItsPageAndItsDashboardCard() {
        Team team = data.team("Retry", data.admin());
        Environment draft = new Environments(context).draft(team.getId(), "retry");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                // Only this environment's first step: the context is shared, and another test's environment (or a
                // schedule edge of one) may run an operation at the same time.
                boolean ours = draft.getId().equals(jdbc.queryForObject(
                        "SELECT environment_id FROM operation WHERE id = ?", Long.class, operationId));
                if (ours && failOnce.getAndSet(false)) {
                    throw new CloudException(CloudErrorKind.ACCESS_DENIED, step, "ec2", "UnauthorizedOperation",
                            "You are not authorized to perform this operation.", null);
                }
            }
        });
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/environments/"
                + draft.getId());

        browser.press("Provision");
        browser.awaitText("#environment-state", "Failed");
        assertThat(browser.texts(".failure-box").get(0)).contains("UnauthorizedOperation");
        assertThat(browser.texts("#live button")).contains("Retry");

        // The dashboard card offers it too, and it resumes the operation; the card follows it to the end.
        browser.open("/teams/" + team.getId());
        assertThat(browser.shows("button[aria-label='Retry " + draft.getName() + "']")).isTrue();
        browser.press("Retry");
        assertThat(browser.path()).isEqualTo("/teams/" + team.getId());
        browser.awaitText("#env-" + draft.getId() + " .badge.state", "Ready");
        assertThat(browser.texts("#env-" + draft.getId() + " .env-actions button")).doesNotContain("Retry");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDashboardCardFollowsTheOperationStartedFromItUntilItEnds() {
        Team team = data.team("Follow", data.admin());
        Environment ready = new Environments(context).ready(team.getId(), "follow");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (ready.getId().equals(jdbc.queryForObject(
                        "SELECT environment_id FROM operation WHERE id = ?", Long.class, operationId))) {
                    try {
                        release.await(60, TimeUnit.SECONDS); // held until the test has read the dashboard
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        String card = "#env-" + ready.getId();
        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId());

        // Given a stop started from the environment's card, still running
        browser.press("Stop");
        assertThat(browser.path()).isEqualTo("/teams/" + team.getId());
        assertThat(browser.shows(".flash[data-operation]")).isTrue();
        assertThat(browser.texts(card + " .env-actions")).anyMatch(text -> text.contains("Stop in progress"));
        assertThat(browser.texts(card + " .env-actions button")).isEmpty();

        // when it ends, the card shows the end and the announcement goes, without a reload
        browser.script("window.portalTestMarker = 'same page';");
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(browser.texts(card + " .env-actions button")).containsExactly("Start"));
        assertThat(browser.texts(card + " .power strong")).containsExactly("Off");
        assertThat(browser.texts(card + " .last-operation")).anyMatch(text -> text.contains("Stop succeeded"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.shows(".flash[data-operation]"));
        assertThat(browser.script("return window.portalTestMarker")).isEqualTo("same page");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anEnvironmentPageReadJustAsItsOperationFailsStillComesToShowTheFailure() throws Exception {
        Team team = data.team("Skew", data.admin());
        Environment draft = new Environments(context).draft(team.getId(), "skew");
        browser.signIn("admin", TestData.ADMIN_PASSWORD);

        // Given a provision that fails while the environment page is being read: after the page has read the
        // environment (still provisioning), before it reads the environment's operations
        CountDownLatch held = failWhileAPageReads(draft);
        Environments.enqueued(new Environments(context).operations().requestProvision(draft.getId(),
                Actor.user("admin")));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        // when that page arrives, it keeps watching until it shows the failure and offers Retry
        browser.open("/teams/" + team.getId() + "/environments/" + draft.getId());
        browser.awaitText("#environment-state", "Failed");
        assertThat(browser.texts(".failure-box").get(0)).contains("UnauthorizedOperation");
        assertThat(browser.texts("#live button")).contains("Retry");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDashboardReadJustAsAnOperationFailsShowsItsCardInOneStateOrTheOther() throws Exception {
        Team team = data.team("Skew card", data.admin());
        Environment draft = new Environments(context).draft(team.getId(), "skewcard");
        browser.signIn("admin", TestData.ADMIN_PASSWORD);

        // Given a provision that fails while the dashboard is being read
        CountDownLatch held = failWhileAPageReads(draft);
        Environments.enqueued(new Environments(context).operations().requestProvision(draft.getId(),
                Actor.user("admin")));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        // when the dashboard arrives, its card tells one story: still provisioning, or failed with Retry; never a
        // "Provisioning" card whose last operation already failed and that offers nothing
        browser.open("/teams/" + team.getId());
        String card = "#env-" + draft.getId();
        String state = browser.texts(card + " .badge.state").get(0);
        String outcome = browser.texts(card + " .last-operation .badge").get(0);
        if (state.equals("Failed")) {
            assertThat(outcome).isEqualTo("Provision failed");
            assertThat(browser.shows("button[aria-label='Retry " + draft.getName() + "']")).isTrue();
        } else {
            assertThat(state).isEqualTo("Provisioning");
            assertThat(outcome).isIn("Provision queued", "Provision running");
        }
    }

    /**
     * Makes the environment's first step fail exactly while a page is between its reads, to show what such a page
     * makes of it. Reads never wait for writes in PostgreSQL, so the step takes a lock that only a reader waits for:
     * it locks the table of cloud accounts (the environment pages read the account after the environment, the
     * dashboard the accounts after the environments), waits until a request waits for it, then fails the step and
     * lets the request go on only once the failure is committed. The latch opens once the table is locked: open the
     * page then.
     */
    private CountDownLatch failWhileAPageReads(Environment environment) {
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        CountDownLatch locked = new CountDownLatch(1);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                boolean ours = environment.getId().equals(jdbc.queryForObject(
                        "SELECT environment_id FROM operation WHERE id = ?", Long.class, operationId));
                if (!ours || !failOnce.getAndSet(false)) {
                    return;
                }
                Connection lock = lockAccounts(dataSource);
                locked.countDown();
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                            SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                            WHERE NOT l.granted AND c.relname = 'cloud_account'""", Integer.class) > 0);
                } finally {
                    CompletableFuture.runAsync(() -> {
                        try {
                            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(jdbc.queryForObject(
                                    "SELECT state FROM operation WHERE id = ?", String.class, operationId)));
                        } finally {
                            release(lock);
                        }
                    });
                }
                throw new CloudException(CloudErrorKind.ACCESS_DENIED, step, "ec2", "UnauthorizedOperation",
                        "You are not authorized to perform this operation.", null);
            }
        });
        return locked;
    }

    private static Connection lockAccounts(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE cloud_account IN ACCESS EXCLUSIVE MODE");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void release(Connection lock) {
        try (lock) {
            lock.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
