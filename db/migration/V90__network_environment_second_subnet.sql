-- Two-zone shared networks (issue 19): an environment in a network of two availability zones gets a second private
-- /24 in the second zone, allocated like the first (lowest free, never given twice in the network).
ALTER TABLE network_environment ADD COLUMN second_private_subnet_cidr VARCHAR(18);
CREATE UNIQUE INDEX network_environment_second_subnet_unique
    ON network_environment (network_id, second_private_subnet_cidr);
