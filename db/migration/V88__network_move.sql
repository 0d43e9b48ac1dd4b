-- Moving a provisioned environment between its own network and a shared one (issue 19) is an operation of its own.
-- While it runs, the environment's row in network_environment says which way it goes: 'IN' (it is moving into the
-- network: the network's NAT counts it, its pages and cost split do not yet) or 'OUT' (it is leaving: it still counts
-- until its subnet there is released); NULL for a member. The list keeps every earlier kind.
ALTER TABLE operation DROP CONSTRAINT operation_kind_check;
ALTER TABLE operation ADD CONSTRAINT operation_kind_check
    CHECK (kind IN ('PROVISION', 'START', 'STOP', 'UPDATE_SERVER', 'ROLL_BACK', 'PATCH_NAT', 'DEPROVISION',
                    'MOVE_NETWORK'));
ALTER TABLE network_environment ADD COLUMN move VARCHAR(3) CHECK (move IN ('IN', 'OUT'));
