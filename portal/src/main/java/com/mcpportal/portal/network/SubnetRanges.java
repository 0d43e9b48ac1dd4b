package com.mcpportal.portal.network;

import java.util.Collection;
import java.util.Optional;

/**
 * The /24 ranges of a network's VPC range: the first {@code zones} hold the public subnets (one per zone), the rest
 * go to environments' private subnets, lowest free first. A range once given is never given again in that network,
 * not even after its environment was deleted (the row keeps it), so a subnet that lingers in the cloud cannot
 * overlap a newer one.
 */
final class SubnetRanges {

    static final int SUBNET_PREFIX = 24;

    private SubnetRanges() {
    }

    /** The public subnet's range of the first zone: the VPC range's first /24. */
    static String publicSubnet(String vpcCidr) {
        return subnet(vpcCidr, 0);
    }

    /** The lowest /24 after the public ones that {@code taken} does not hold; empty when the range is full. */
    static Optional<String> nextPrivate(String vpcCidr, int zones, Collection<String> taken) {
        int count = 1 << (SUBNET_PREFIX - prefix(vpcCidr));
        for (int index = zones; index < count; index++) {
            String candidate = subnet(vpcCidr, index);
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The {@code index}-th /24 of the range, e.g. 10.20.0.0/16 and 3: 10.20.3.0/24. */
    static String subnet(String vpcCidr, int index) {
        long base = address(vpcCidr) + ((long) index << (32 - SUBNET_PREFIX));
        return (base >>> 24 & 255) + "." + (base >>> 16 & 255) + "." + (base >>> 8 & 255) + "." + (base & 255) + "/"
                + SUBNET_PREFIX;
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    private static long address(String cidr) {
        String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        long address = 0;
        for (String octet : octets) {
            address = address << 8 | Integer.parseInt(octet);
        }
        return address;
    }
}
