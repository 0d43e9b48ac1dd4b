-- Patching the NAT instance (issue 13) is an operation of its own: the instance is replaced from the latest Amazon
-- Linux AMI while the environment is off. The list keeps UPDATE_SERVER and ROLL_BACK, which the server-update branch
-- adds in V67: this migration runs after it and would otherwise drop them (on a database without them, unused).
ALTER TABLE operation DROP CONSTRAINT operation_kind_check;
ALTER TABLE operation ADD CONSTRAINT operation_kind_check
    CHECK (kind IN ('PROVISION', 'START', 'STOP', 'UPDATE_SERVER', 'ROLL_BACK', 'PATCH_NAT', 'DEPROVISION'));
