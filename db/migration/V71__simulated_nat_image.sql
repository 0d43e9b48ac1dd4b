-- The AMIs the simulated cloud publishes for NAT instances, per region and architecture, as Amazon publishes a new
-- Amazon Linux 2023 image every couple of weeks: the newest row is what the "latest AMI" parameter would say.
CREATE TABLE simulated_nat_image (
    image_id     VARCHAR(40)  PRIMARY KEY,
    region       VARCHAR(30)  NOT NULL,
    architecture VARCHAR(10)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX simulated_nat_image_newest ON simulated_nat_image (region, architecture, created_at DESC);
