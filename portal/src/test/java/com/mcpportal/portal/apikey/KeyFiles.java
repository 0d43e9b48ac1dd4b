package com.mcpportal.portal.apikey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;

/**
 * Test helpers around published key sets: the simulated key file of an environment, waiting for a (background)
 * publication to show up in it, and finding the one-time key in a page.
 */
public final class KeyFiles {

    static final Pattern KEY = Pattern.compile("mcp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");

    private final ApiKeySettings settings;

    public KeyFiles(ApplicationContext context) {
        this.settings = context.getBean(ApiKeySettings.class);
    }

    public Path of(String cloudId) {
        return settings.simulatedDir().resolve(cloudId + ".json");
    }

    public String read(String cloudId) {
        try {
            return Files.exists(of(cloudId)) ? Files.readString(of(cloudId)) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the environment's key file satisfies the condition; fails after 15 s. */
    public String await(String cloudId, Predicate<String> condition, String description) {
        return Awaitility.await("the key file of " + cloudId + " that " + description).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20)).until(() -> read(cloudId), condition);
    }

    /** The one key shown in a page. */
    static String keyIn(String html) {
        Matcher matcher = KEY.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No key in the page");
        }
        return matcher.group();
    }
}
