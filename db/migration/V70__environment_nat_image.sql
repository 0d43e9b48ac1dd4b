-- The latest NAT image check of each ready environment: the AMI its NAT instance runs against the latest one Amazon
-- published for its architecture (names and creation dates where EC2 gives them), and how many NAT instances are
-- alive (more than one only after an interrupted replacement). Replaced by each check.
CREATE TABLE environment_nat_image (
    environment_id        BIGINT       PRIMARY KEY REFERENCES environment (id),
    checked_at            TIMESTAMPTZ  NOT NULL,
    instance_id           VARCHAR(40)  NOT NULL,
    instances             INT          NOT NULL,
    current_image_id      VARCHAR(40)  NOT NULL,
    current_image_name    VARCHAR(200),
    current_image_created TIMESTAMPTZ,
    latest_image_id       VARCHAR(40)  NOT NULL,
    latest_image_name     VARCHAR(200),
    latest_image_created  TIMESTAMPTZ
);
