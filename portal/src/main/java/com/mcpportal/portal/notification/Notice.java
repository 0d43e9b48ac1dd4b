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
 * @param dedupeKey repeats of one condition share it and are sent once per channel; null for one-off messages
 */
record Notice(NoticeKind kind, long teamId, String headline, String happened, String why, String action,
              String linkPath, String dedupeKey) {
}
