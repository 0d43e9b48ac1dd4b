-- Server updates (issue 13): "Update server" publishes a new MCP server (or deploys a team's build by digest) and rolls
-- the service over to it; "Roll back" returns to the image and revision that ran before. Both are operations.
ALTER TABLE operation DROP CONSTRAINT operation_kind_check;
ALTER TABLE operation ADD CONSTRAINT operation_kind_check
    CHECK (kind IN ('PROVISION', 'START', 'STOP', 'UPDATE_SERVER', 'ROLL_BACK', 'DEPROVISION'));
