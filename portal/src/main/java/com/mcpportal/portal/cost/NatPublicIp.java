package com.mcpportal.portal.cost;

/**
 * How the NAT instance gets its public IPv4 address, which decides when the address is billed. AWS charges
 * $0.005/h for every public IPv4 address while it is allocated, attached or idle.
 */
public enum NatPublicIp {
    /** Auto-assigned at launch and released on stop: billed only while the instance runs (the portal's default). */
    AUTO_ASSIGNED,
    /** An Elastic IP stays allocated while the instance is stopped: billed every hour of the month. */
    ELASTIC_IP
}
