-- Provisioning into a shared network (issue 19): each environment in a network gets its own private subnet, a /24
-- of the network's range allocated once and kept here, so a retried or resumed provision asks for the same range and
-- two environments never get overlapping ones. NULL until allocated (rows of drafts that joined before this).
ALTER TABLE network_environment ADD COLUMN private_subnet_cidr VARCHAR(18);
CREATE UNIQUE INDEX network_environment_subnet_unique ON network_environment (network_id, private_subnet_cidr);
