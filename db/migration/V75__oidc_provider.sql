-- Identity providers an administrator adds on the admin pages (issue 17), beside those in the configuration
-- (portal.oidc.providers.*), which win on an id both name. The client secret is sealed with PORTAL_SECRET_KEY
-- (AES-GCM, bound to the provider id) and never shown again; none means a public client (PKCE alone).
CREATE TABLE oidc_provider (
    id                   VARCHAR(50)   PRIMARY KEY,
    issuer_uri           VARCHAR(500)  NOT NULL,
    client_id            VARCHAR(255)  NOT NULL,
    client_secret_sealed TEXT,
    scopes               VARCHAR(500)  NOT NULL,
    username_claim       VARCHAR(100)  NOT NULL,
    groups_claim         VARCHAR(100)  NOT NULL,
    label                VARCHAR(60),
    admin_group          VARCHAR(255),
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL
);
