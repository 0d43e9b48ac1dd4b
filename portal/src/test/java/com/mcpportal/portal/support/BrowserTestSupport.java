package com.mcpportal.portal.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base class for browser tests ({@code *BrowserIntegrationTests}): the whole portal on a random port with its
 * own temporary embedded PostgreSQL, and a fresh headless Chromium per test in {@link #browser}.
 * <pre>{@code
 * class EnvironmentBrowserIntegrationTests extends BrowserTestSupport {
 *     @Test void ownerStartsAnEnvironment() {
 *         browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + teamId).press("Start");
 *         assertThat(browser.flash()).contains("Starting");
 *     }
 * }
 * }</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestData data;

    protected Browser browser;

    /** A failed test leaves a screenshot of what the browser showed in {@code target/screenshots/FAILED-*.png}. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void startBrowser() {
        browser = Browser.start("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
