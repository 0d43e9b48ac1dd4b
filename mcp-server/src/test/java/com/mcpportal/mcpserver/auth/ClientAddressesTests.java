package com.mcpportal.mcpserver.auth;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

    private final ClientAddresses behindProxies = new ClientAddresses(
            List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("127.0.0.1")));

    @Test
    void forwardedForIsIgnoredFromUntrustedPeers() {
        assertThat(behindProxies.resolve("198.51.100.4", headers("203.0.113.7"))).isEqualTo("198.51.100.4");
        assertThat(new ClientAddresses(List.of()).resolve("127.0.0.1", headers("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void trustedProxyChainIsWalkedFromTheRight() {
        assertThat(behindProxies.resolve("10.0.3.4", headers("203.0.113.7, 10.0.9.9"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("10.0.3.4", headers("203.0.113.7", "10.0.9.9"))).isEqualTo("203.0.113.7");
    }

    @Test
    void clientCannotSpoofByPrependingAddresses() {
        // The client sent "1.2.3.4"; the proxy appended the real peer 198.51.100.9.
        assertThat(behindProxies.resolve("10.0.3.4", headers("1.2.3.4, 198.51.100.9"))).isEqualTo("198.51.100.9");
    }

    @Test
    void garbageInTheChainStopsAtTheLastTrustedHop() {
        assertThat(behindProxies.resolve("10.0.3.4", headers("evil.example"))).isEqualTo("10.0.3.4");
    }

    private static java.util.Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }
}
