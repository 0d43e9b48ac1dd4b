package com.mcpportal.mcpserver.auth;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Finds the address of the client behind our trusted proxies. {@code X-Forwarded-For} is read only
 * when the connection comes from a trusted proxy, and only as far left as the chain stays trusted,
 * so a client cannot choose its own address by sending the header.
 */
public final class ClientAddresses {

    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String resolve(String remoteAddress, Enumeration<String> forwardedFor) {
        if (trustedProxies.isEmpty() || forwardedFor == null || !trusted(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String hop : forwardedFor.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = Cidr.literal(hops.get(i));
            if (hop == null) {
                // Garbage in the chain: stop at the last hop we could vouch for.
                return client;
            }
            client = hop.getHostAddress();
            if (!Cidr.anyContains(trustedProxies, hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        InetAddress parsed = Cidr.literal(address);
        return parsed != null && Cidr.anyContains(trustedProxies, parsed);
    }
}
