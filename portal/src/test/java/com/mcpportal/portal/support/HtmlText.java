package com.mcpportal.portal.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reads what a user sees in server-rendered HTML: the text of an element by id, tags stripped. */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text inside the element with this id (nested elements of the same tag included). */
    public static String byId(String html, String id) {
        Matcher start = Pattern.compile("<([a-zA-Z0-9]+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!start.find()) {
            throw new AssertionError("No element with id " + id + " in the page");
        }
        Matcher tags = Pattern.compile("<(/?)" + start.group(1) + "\\b[^>]*>").matcher(html);
        int depth = 1;
        int from = start.end();
        while (tags.find(from)) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return text(html.substring(start.end(), tags.start()));
            }
            from = tags.end();
        }
        throw new AssertionError("The element with id " + id + " is not closed");
    }

    public static boolean hasId(String html, String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /** All text of the page, tags stripped and whitespace collapsed. */
    public static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " "))
                .replaceAll("\\s+", " ").trim();
    }
}
