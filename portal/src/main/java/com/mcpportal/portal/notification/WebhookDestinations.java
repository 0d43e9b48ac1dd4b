package com.mcpportal.portal.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a webhook may not go. A team owner chooses the URL, and the portal calls it from inside the network it runs
 * in: the instance metadata service (169.254.169.254, {@code fd00:ec2::254}, link-local addresses in general) hands
 * out the portal's own AWS credentials, and the loopback addresses reach its own ports. Both are refused, loopback
 * unless {@code portal.notifications.allow-loopback} says otherwise; other private addresses stay allowed, as teams
 * run receivers on their internal networks. The name is resolved here, before the call, so a name pointing at such an
 * address is refused too (a name that changes its answer between this check and the call is not caught).
 */
final class WebhookDestinations {

    /** The IPv6 address of the EC2 instance metadata service (on Nitro instances). */
    private static final String METADATA_V6 = "fd00:ec2:0:0:0:0:0:254";

    private WebhookDestinations() {
    }

    static void check(URI url, boolean allowLoopback, String endpoint) throws DeliveryFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException unknown) {
            throw new DeliveryFailure("The name of " + endpoint + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress() || address.getHostAddress().equalsIgnoreCase(METADATA_V6)) {
                throw new DeliveryFailure("Refused to call " + endpoint + ": " + address.getHostAddress()
                        + " is a link-local address (the cloud's instance metadata lives there)");
            }
            if (address.isAnyLocalAddress() || (address.isLoopbackAddress() && !allowLoopback)) {
                throw new DeliveryFailure("Refused to call " + endpoint + ": " + address.getHostAddress()
                        + " is this machine itself");
            }
        }
    }
}
