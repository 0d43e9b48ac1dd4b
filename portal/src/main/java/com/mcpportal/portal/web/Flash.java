package com.mcpportal.portal.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the page after a redirect (post/redirect/get); the layout renders it.
 *
 * @param kind    {@code success} or {@code error}, used as a CSS class
 * @param message the text
 */
public record Flash(String kind, String message) {

    /** The model attribute the layout reads. */
    public static final String ATTRIBUTE = "flash";

    public static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("success", message));
    }

    public static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("error", message));
    }
}
