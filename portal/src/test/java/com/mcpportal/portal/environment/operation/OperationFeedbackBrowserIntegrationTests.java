package com.mcpportal.portal.environment.operation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

/** What the pages say about an operation once it ends: the "started" flash goes, a failed one offers Retry. */
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

        // The dashboard card offers it too, and it resumes the operation.
        browser.open("/teams/" + team.getId());
        assertThat(browser.shows("button[aria-label='Retry " + draft.getName() + "']")).isTrue();
        browser.click("button[aria-label='Retry " + draft.getName() + "']");
        browser.awaitText("#environment-state", "Ready");
        assertThat(browser.texts("#live button")).doesNotContain("Retry");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
