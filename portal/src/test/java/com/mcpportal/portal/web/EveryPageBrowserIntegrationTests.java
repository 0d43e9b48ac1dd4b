package com.mcpportal.portal.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.Axe;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.TimeoutException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Every page a person can open, walked in Chromium on a phone's 390 px and on a desktop: nothing makes the page
 * scroll sideways on the phone, the console stays free of errors, and axe-core finds no serious or critical
 * accessibility violation (labels, landmarks, contrast, names) at either width. One test, so one browser and one
 * Spring context; each page's problems are collected, so a failure lists every page that broke, not only the first.
 */
@EnabledIf(value = "toolsInstalled", disabledReason = "skipped: needs Chromium, chromedriver and axe-core "
        + "(npm ci --prefix portal/src/test/axe)")
class EveryPageBrowserIntegrationTests extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;
    private static final int DESKTOP_WIDTH = 1280;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApiKeyService apiKeys;

    /** Checked before the Spring context and the browser start: a machine without these tools skips in a moment. */
    static boolean toolsInstalled() {
        return Files.isExecutable(Path.of(System.getProperty("portal.test.chromium", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(System.getProperty("portal.test.chromedriver", "/usr/bin/chromedriver")))
                && Axe.installed();
    }

    @Test
    void everyPageFitsAPhoneAndPassesAxeAtBothWidths() {
        Team team = data.team("Everywhere", data.admin());
        UserAccount member = data.user("everywhere-member");
        data.addMember(team, member, TeamRole.VIEWER);
        Environments environments = new Environments(context);
        Environment environment = environments.ready(team.getId(), "every-page");
        environments.draft(team.getId(), "every-draft");
        apiKeys.issue(team.getId(), new IssueKeyCommand("Cursor on a long laptop name", Duration.ofDays(30), true,
                Set.of(), null));
        auditLog.record(AuditEntry.success("environment.updated").team(team.getId())
                .target("environment", environment.getId()).detail("name", environment.getName())
                .detail("before", "x".repeat(300)));
        Axe axe = Axe.load();
        SoftAssertions softly = new SoftAssertions();

        browser.resize(PHONE_WIDTH, 844).open("/login");
        check(softly, axe, new Page("sign in", "/login"), PHONE_WIDTH);
        browser.resize(DESKTOP_WIDTH, 900);
        check(softly, axe, new Page("sign in", "/login"), DESKTOP_WIDTH);

        browser.signIn("admin", TestData.ADMIN_PASSWORD);
        browser.resize(PHONE_WIDTH, 844).open("/account/tokens").fill("name", "laptop").press("Create token");
        checkAtBothWidths(softly, axe, new Page("new access token, shown once", browser.path()));
        browser.open("/teams/" + team.getId() + "/api-keys/new").fill("name", "Phone").press("Issue key");
        checkAtBothWidths(softly, axe, new Page("new API key, shown once", browser.path()));
        refusedForms(softly, axe, team, environment);
        String candidate = data.user("everywhere-candidate").getUsername();
        browser.open("/teams/" + team.getId() + "/settings").fill("username", candidate)
                .awaitText("#member-suggestions", candidate);
        checkAtBothWidths(softly, axe, new Page("members and settings, a person suggested", browser.path()));
        browser.open("/audit?team=" + team.getId());
        String eventLink = (String) browser.script(
                "return document.querySelector('.audit-row td:first-child a').getAttribute('href')");
        List<Page> pages = pages(team, environment, environments.simulatedAccountId(), member, eventLink);
        for (int width : List.of(PHONE_WIDTH, DESKTOP_WIDTH)) {
            browser.resize(width, 900);
            for (Page page : pages) {
                browser.open(page.path());
                check(softly, axe, page, width);
            }
        }

        // Swagger UI draws the page with its own script: its heading is awaited, then every operation is opened.
        // Opening them is the walk's costliest step (the renderer draws every operation's body), so it is done once,
        // on the phone, and the open page is then widened to a desktop, as checkAtBothWidths does: Swagger UI lays
        // out its operations by style sheet alone, so they look as they would had they been opened at that width.
        browser.resize(PHONE_WIDTH, 900).open("/swagger-ui/index.html")
                .awaitText(".swagger-ui .info .title", "MCP Portal API");
        checkAtBothWidths(softly, axe, new Page("API documentation", "/swagger-ui/index.html", false, false));
        // One click per task: all in one script made the renderer draw every operation before answering,
        // more than chromedriver's 60 s on a busy machine (load 20, two test JVMs). At load 30 a look at the page
        // could still wait that long behind the clicks: such a look counts as "not yet", and the next one follows.
        browser.script("document.querySelectorAll('.opblock-summary-control')"
                + ".forEach((b, i) => setTimeout(() => b.click(), i))");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(TimeoutException.class).until(() -> browser.script("""
                var all = document.querySelectorAll('.opblock').length;
                return all > 0 && all === document.querySelectorAll('.opblock.is-open .opblock-body').length;"""),
                Boolean.TRUE::equals);
        checkAtBothWidths(softly, axe, new Page("API documentation, every operation open", "/swagger-ui/index.html",
                false, false));

        browser.open("/teams").signOut().signIn(member.getUsername(), TestData.PASSWORD);
        Page forbidden = new Page("forbidden to a viewer", "/admin/users", true);
        for (int width : List.of(PHONE_WIDTH, DESKTOP_WIDTH)) {
            browser.resize(width, 900).open(forbidden.path());
            check(softly, axe, forbidden, width);
        }
        softly.assertAll();
    }

    /**
     * Visible focus, which axe does not check: on the pages with the most controls, a keyboard user tabs through every
     * one and each shows a focus ring (an outline, or one on the label of a radio drawn as a tab).
     */
    @Test
    void everyControlShowsWhereTheKeyboardIs() {
        Team team = data.team("Keyboard", data.admin());
        Environments environments = new Environments(context);
        Environment environment = environments.ready(team.getId(), "keyboard");
        String teamPath = "/teams/" + team.getId();
        browser.resize(DESKTOP_WIDTH, 900).signIn("admin", TestData.ADMIN_PASSWORD);
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of(teamPath, teamPath + "/environments/new", teamPath + "/environments/"
                + environment.getId(), teamPath + "/environments/" + environment.getId() + "/schedule",
                teamPath + "/api-keys", "/audit?team=" + team.getId())) {
            browser.open(path);
            List<String> unseen = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String problem = (String) browser.tab().script("""
                        var e = document.activeElement;
                        if (!e || e === document.body) { return 'END'; }
                        var shows = function (x) {
                            var s = x && getComputedStyle(x);
                            return s && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                                || s.boxShadow !== 'none');
                        };
                        if (e.dataset.focusSeen) { return 'END'; }
                        e.dataset.focusSeen = 'true';
                        var label = e.id && document.querySelector('label[for="' + e.id + '"]');
                        var text = (e.textContent || e.name || '').trim().slice(0, 40);
                        return shows(e) || shows(label) ? ''
                            : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + text + '"';""");
                if ("END".equals(problem)) {
                    break;
                }
                if (!problem.isEmpty()) {
                    unseen.add(problem);
                }
            }
            softly.assertThat(unseen).as("%s: controls without a visible focus", path).isEmpty();
        }
        softly.assertAll();
    }

    /**
     * A page by what a person would call it. An error page's own 4xx is logged by the browser as a failed load, which
     * is the page working, not a fault. A page of ours has its heading (h1) in our main landmark; Swagger UI's page
     * has its own heading (h2, drawn by its script). Every page is held to axe, Swagger UI's too: the contrast and
     * names its widgets lack come from our style sheet and script on its page (see {@code api.SwaggerUiPage}).
     */
    private record Page(String name, String path, boolean errorPage, boolean ours) {
        Page(String name, String path) {
            this(name, path, false, true);
        }

        Page(String name, String path, boolean errorPage) {
            this(name, path, errorPage, true);
        }
    }

    /** Every page a signed-in administrator can open (GET routes from RoleMatrix), with ids of the data made above. */
    private static List<Page> pages(Team team, Environment environment, long accountId, UserAccount member,
            String auditEvent) {
        String teamPath = "/teams/" + team.getId();
        String environmentPath = teamPath + "/environments/" + environment.getId();
        return List.of(
                new Page("teams", "/teams"),
                new Page("team dashboard", teamPath),
                new Page("members and settings", teamPath + "/settings"),
                new Page("environments", teamPath + "/environments"),
                new Page("new environment", teamPath + "/environments/new"),
                new Page("environment", environmentPath),
                new Page("environment settings", environmentPath + "/edit"),
                new Page("environment schedule", environmentPath + "/schedule"),
                new Page("environment costs", environmentPath + "/costs"),
                new Page("team schedules", teamPath + "/schedules"),
                new Page("team default schedule", teamPath + "/schedules/default"),
                new Page("API keys", teamPath + "/api-keys"),
                new Page("new API key", teamPath + "/api-keys/new"),
                new Page("key rotation", teamPath + "/api-keys/rotation"),
                new Page("team costs", teamPath + "/costs"),
                new Page("team audit", teamPath + "/audit"),
                new Page("audit log", "/audit?team=" + team.getId()),
                new Page("audit event", auditEvent),
                new Page("account", "/account"),
                new Page("change password", "/account/password"),
                new Page("access tokens", "/account/tokens"),
                new Page("users", "/admin/users"),
                new Page("user", "/admin/users/" + member.getId()),
                new Page("cloud accounts", "/admin/cloud-accounts"),
                new Page("cloud account", "/admin/cloud-accounts/" + accountId),
                new Page("all costs", "/admin/costs"),
                new Page("sign-ins", "/admin/sign-ins"),
                new Page("sign-in providers", "/admin/sign-in-providers"),
                new Page("new sign-in provider", "/admin/sign-in-providers/new"),
                new Page("team networks", teamPath + "/networks"),
                new Page("team notifications", teamPath + "/notifications"),
                new Page("shared networks", "/admin/networks"),
                new Page("admin audit", "/admin/audit"),
                new Page("audit verifications", "/admin/audit/verifications"),
                new Page("audit retention", "/admin/audit/retention"),
                new Page("not found", environmentPath + "999999", true));
    }

    /**
     * The main forms submitted with bad input, each checked in its error state as a person meets it: the page as a
     * whole (width, console, axe), and every error tied to its field ({@link #errorsTied}).
     */
    private void refusedForms(SoftAssertions softly, Axe axe, Team team, Environment environment) {
        String teamPath = "/teams/" + team.getId();
        browser.open(teamPath + "/environments/new").fill("name", "Not A Name!")
                .fill("allowedCidrs", "10.0.0.1\nnot-a-network").fill("elevenLabsApiKey", "xi-typed-key")
                .press("Create environment");
        checkRefused(softly, axe, new Page("new environment, refused", browser.path()));
        browser.open(teamPath + "/environments/" + environment.getId() + "/schedule").fill("zone", "Mars/Olympus")
                .fill("windows0.start", "25:00").press("Save schedule");
        checkRefused(softly, axe, new Page("environment schedule, refused", browser.path()));
        browser.open(teamPath + "/api-keys/new").fill("name", "Only some").click("#scope-selected").press("Issue key");
        checkRefused(softly, axe, new Page("new API key, refused", browser.path()));
        browser.open("/admin/cloud-accounts").fill("name", "Refused account").choose("mode", "AWS")
                .fill("defaultRegion", "mars-1").fill("externalId", "x").press("Add cloud account");
        checkRefused(softly, axe, new Page("new cloud account, refused", browser.path()));
        browser.open(teamPath + "/settings").fill("username", "nobody-by-this-name").press("Add member");
        checkRefused(softly, axe, new Page("add member, refused", browser.path()));
    }

    private void checkRefused(SoftAssertions softly, Axe axe, Page page) {
        softly.assertThat(browser.shows(".error-summary")).as("%s: the error summary", page.name()).isTrue();
        softly.assertThat(errorsTied()).as("%s: errors tied to their fields", page.name()).isEmpty();
        softly.assertThat(browser.script("return document.activeElement.classList.contains('error-summary')"))
                .as("%s: focus on the error summary", page.name()).isEqualTo(true);
        checkAtBothWidths(softly, axe, page);
    }

    /**
     * What keeps a refused form's errors from a screen reader: a summary link to no field, an error message no field
     * names (aria-describedby), a field with an error not marked invalid. Empty when every error is tied.
     */
    @SuppressWarnings("unchecked")
    private List<String> errorsTied() {
        return (List<String>) browser.script("""
                var problems = [];
                document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
                    var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
                    if (!target) {
                        problems.push('summary link to nothing: ' + link.getAttribute('href'));
                    }
                });
                document.querySelectorAll('.field-error').forEach(function (error) {
                    var named = error.id && document.querySelector('[aria-describedby~="' + error.id + '"]');
                    if (!named) {
                        problems.push('error named by no field: ' + error.textContent.trim());
                    } else if (named.getAttribute('aria-invalid') !== 'true') {
                        problems.push('field not marked invalid: ' + (named.id || named.name));
                    }
                });
                return problems;""");
    }

    /**
     * A page that cannot be opened twice (a secret shown once), or is costly to bring about again (Swagger UI with
     * every operation open): checked on a phone, then widened to a desktop.
     */
    private void checkAtBothWidths(SoftAssertions softly, Axe axe, Page page) {
        check(softly, axe, page, PHONE_WIDTH);
        browser.resize(DESKTOP_WIDTH, 900);
        check(softly, axe, page, DESKTOP_WIDTH);
        browser.resize(PHONE_WIDTH, 844);
    }

    private void check(SoftAssertions softly, Axe axe, Page page, int width) {
        String where = page.name() + " (" + page.path() + ") at " + width + " px";
        if (width == PHONE_WIDTH) {
            softly.assertThat(browser.fitsWidth()).as("%s fits; too wide: %s", where, browser.tooWide()).isTrue();
            browser.screenshot("every-page-phone-" + page.name().replaceAll("[^A-Za-z0-9]+", "-"));
        }
        if (!page.errorPage()) {
            softly.assertThat(browser.title()).as("%s: the page itself", where).doesNotContain("went wrong");
        }
        if (page.ours()) {
            softly.assertThat(browser.shows("main h1")).as("%s: a heading in the main landmark", where).isTrue();
        }
        softly.assertThat(axe.seriousViolations(browser)).as("%s: axe's serious violations", where).isEmpty();
        softly.assertThat(browser.consoleErrors()).as("%s: console errors", where)
                .filteredOn(error -> !(page.errorPage() && error.contains("the server responded with a status of 4")))
                .isEmpty();
    }
}
