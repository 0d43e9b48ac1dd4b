-- The one-time token of the form that issued an access token: submitting the same form twice (a double click, a
-- resent POST) issues one token, and the second answer says so instead of showing a second token.
ALTER TABLE personal_access_token ADD COLUMN issue_token VARCHAR(64);
ALTER TABLE personal_access_token ADD CONSTRAINT personal_access_token_issue_token_unique UNIQUE (issue_token);
