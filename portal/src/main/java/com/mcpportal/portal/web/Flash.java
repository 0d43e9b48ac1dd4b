package com.mcpportal.portal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the page after a redirect (post/redirect/get); the layout renders it.
 *
 * @param kind        {@code success} or {@code error}, used as a CSS class
 * @param message     the text
 * @param operationId the operation the message announced ("Provision started"), or null: a page that follows the
 *                    operation live drops the message once it has ended
 */
public record Flash(String kind, String message, @Nullable Long operationId) {

    public Flash(String kind, String message) {
        this(kind, message, null);
    }

    /** The model attribute the layout reads. */
    public static final String ATTRIBUTE = "flash";

    public static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("success", message));
    }

    /** Announces an operation: the message lasts while the operation runs (see {@link #operationId()}). */
    public static void started(RedirectAttributes redirect, String message, long operationId) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("success", message, operationId));
    }

    public static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("error", message));
    }
}
