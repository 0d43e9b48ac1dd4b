-- Notifications (issue 18): the e-mail address a person gives on their account page, where the portal writes to them
-- (a notification channel sent to "the team's owners"). Optional: an account of a sign-in provider falls back to the
-- address the provider asserted (user_external_identity.email), a portal account without one is not reachable.
ALTER TABLE users ADD COLUMN email VARCHAR(254);
