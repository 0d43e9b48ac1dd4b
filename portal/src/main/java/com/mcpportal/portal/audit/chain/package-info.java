/**
 * The audit hash chain: walking it from the last verified anchor, checkpoints, the verifier and the recorded
 * verification runs. Internal to the audit feature: pruning and the admin page use it, others only write entries.
 */
@NullMarked
package com.mcpportal.portal.audit.chain;

import org.jspecify.annotations.NullMarked;
