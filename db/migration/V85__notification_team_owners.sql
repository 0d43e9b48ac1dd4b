-- Notifications (issue 18): an e-mail channel may go to the team's owners, resolved when each message is sent (the
-- owners then, with their account's e-mail address), besides or instead of fixed recipients. A new team gets one such
-- channel when an SMTP server is set up.
ALTER TABLE notification_channel ADD COLUMN team_owners BOOLEAN NOT NULL DEFAULT false;
