package com.mcpportal.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * axe-core, the accessibility rule engine, injected into the page a {@link Browser} shows. The script comes from the
 * npm package pinned in {@code src/test/axe/package-lock.json}; {@code .ci/run} installs it with {@code npm ci}.
 */
public final class Axe {

    private static final Path SCRIPT = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

    /** WCAG 2.0/2.1 A and AA plus axe's best practices (landmarks, one main, headings): what "the basics" means. */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            var tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
            axe.run(document, { runOnly: { type: 'tag', values: tags } })
                .then(function (results) {
                    done(results.violations
                        .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                        .map(function (v) {
                            var where = v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); });
                            return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + where.join(', ')
                                + (v.nodes.length > 5 ? ' (and ' + (v.nodes.length - 5) + ' more)' : '');
                        }));
                }, function (error) { done(['axe failed: ' + error]); });""";

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** Whether {@code npm ci --prefix portal/src/test/axe} has run (tests skip with one line when it has not). */
    public static boolean installed() {
        return Files.isRegularFile(SCRIPT);
    }

    public static Axe load() {
        try {
            return new Axe(Files.readString(SCRIPT));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The serious and critical violations on the browser's current page, each as "impact rule: help at targets". */
    @SuppressWarnings("unchecked")
    public List<String> seriousViolations(Browser browser) {
        // executeScript wraps the source in a function: axe then lives in that function unless handed to window
        browser.script(source + "\nwindow.axe = axe;");
        return (List<String>) browser.asyncScript(RUN, Duration.ofSeconds(60));
    }
}
