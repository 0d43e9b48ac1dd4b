-- Patching the NAT instance (issue 13) is an operation of its own: the instance is replaced from the latest Amazon
-- Linux AMI while the environment is off.
ALTER TABLE operation DROP CONSTRAINT operation_kind_check;
ALTER TABLE operation ADD CONSTRAINT operation_kind_check
    CHECK (kind IN ('PROVISION', 'START', 'STOP', 'DEPROVISION', 'PATCH_NAT'));
