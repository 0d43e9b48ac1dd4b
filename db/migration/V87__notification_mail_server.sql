-- Notifications (issue 18): the SMTP server an administrator set up on the portal's E-mail page. One row at most;
-- without it the portal uses spring.mail.* (the default). The password is sealed with the portal's secret key
-- (cloud/secret/SecretCipher), never stored in the clear nor shown again.
CREATE TABLE notification_mail_server (
    id               INT           PRIMARY KEY CHECK (id = 1),
    host             VARCHAR(255)  NOT NULL,
    port             INT           NOT NULL CHECK (port BETWEEN 1 AND 65535),
    username         VARCHAR(255),
    password_sealed  TEXT,
    starttls         BOOLEAN       NOT NULL,
    from_address     VARCHAR(254)  NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    updated_by       VARCHAR(100)  NOT NULL
);
