package com.mcpportal.portal.notification;

/**
 * One message before it is shaped for a channel: what happened, to what, why it matters and what to do, with the
 * page that fixes it.
 *
 * @param headline  one line, e.g. "Provisioning of payments-prod failed"; the e-mail subject
 * @param happened  what happened and to what
 * @param why       why it matters
 * @param action    what to do
 * @param linkPath  the portal page, e.g. {@code /teams/3/environments/7}
 * @param dedupeKey the same occurrence seen again (a check that runs hourly) shares it: sent once per channel, never
 *                  counted; null for one-off messages
 * @param groupKey  the condition's kind and subject, e.g. {@code ERROR_RATE:environment:7}: further occurrences
 *                  within {@code portal.notifications.group-window} are counted on the first message, not sent; null
 *                  for messages never grouped
 */
record Notice(NoticeKind kind, long teamId, String headline, String happened, String why, String action,
              String linkPath, String dedupeKey, String groupKey) {

    Notice(NoticeKind kind, long teamId, String headline, String happened, String why, String action, String linkPath,
           String dedupeKey) {
        this(kind, teamId, headline, happened, why, action, linkPath, dedupeKey, null);
    }

    /** The same notice, grouped with others of this kind about {@code subject} (e.g. {@code environment:7}). */
    Notice groupedBy(String subject) {
        return new Notice(kind, teamId, headline, happened, why, action, linkPath, dedupeKey,
                kind.name() + ":" + subject);
    }
}
