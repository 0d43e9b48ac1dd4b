-- Prices the daily refresh read from the AWS Pricing API (GetProducts), one row per region, component and variant
-- (the EC2 instance type, '' otherwise). Estimates ask here first and fall back to the snapshot bundled with the
-- portal for anything missing. A failed refresh writes nothing, so the previous prices stay.
CREATE TABLE price (
    region       VARCHAR(30)  NOT NULL,
    component    VARCHAR(40)  NOT NULL,
    variant      VARCHAR(40)  NOT NULL DEFAULT '',
    usd_per_unit NUMERIC      NOT NULL CHECK (usd_per_unit >= 0),
    source       VARCHAR(30)  NOT NULL CHECK (source IN ('PRICING_API')),
    as_of        DATE         NOT NULL,
    fetched_at   TIMESTAMPTZ  NOT NULL,
    note         VARCHAR(300) NOT NULL DEFAULT '',
    PRIMARY KEY (region, component, variant)
);

-- The latest EC2 spot price (DescribeSpotPriceHistory) of NAT instance types in regions AWS-mode accounts use.
CREATE TABLE spot_price (
    region        VARCHAR(30) NOT NULL,
    instance_type VARCHAR(40) NOT NULL,
    usd_per_hour  NUMERIC     NOT NULL CHECK (usd_per_hour >= 0),
    fetched_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (region, instance_type)
);
