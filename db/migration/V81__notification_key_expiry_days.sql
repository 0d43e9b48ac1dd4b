-- Notifications (issue 18, slice 2): each channel says how many days ahead it warns about an expiring API key; null
-- keeps the portal's default (portal.notifications.key-expiry-warning, 7 days).
ALTER TABLE notification_channel ADD COLUMN key_expiry_days INT CHECK (key_expiry_days BETWEEN 1 AND 90);
