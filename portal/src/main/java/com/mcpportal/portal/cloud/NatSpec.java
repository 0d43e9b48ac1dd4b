package com.mcpportal.portal.cloud;

/**
 * The NAT instance to run: its EC2 instance type (its architecture picks the AMI), whether to
 * run it as a stoppable spot instance, and a minimum root volume size (0: the AMI's own size,
 * the smallest that boots, because the volume is billed even while the instance is stopped).
 */
public record NatSpec(String instanceType, boolean spot, int minimumRootVolumeGiB) {

    public static NatSpec defaults() {
        return new NatSpec("t4g.nano", false, 0);
    }
}
