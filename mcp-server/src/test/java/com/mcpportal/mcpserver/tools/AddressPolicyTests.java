package com.mcpportal.mcpserver.tools;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTests {

    private final AddressPolicy policy = AddressPolicy.publicOnly();

    @Test
    void publicUnicastAddressesAreAllowed() throws Exception {
        for (String address : new String[] {"8.8.8.8", "104.18.32.7", "2606:4700::6810:2007", "2a00:1450:4001::200e"}) {
            assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isNull();
        }
    }

    @Test
    void everyNonPublicRangeIsRefusedWithItsReason() throws Exception {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("127.0.0.1", "loopback"), Map.entry("127.8.9.10", "loopback"), Map.entry("::1", "loopback"),
                Map.entry("10.1.2.3", "private"), Map.entry("172.16.0.1", "private"), Map.entry("172.31.255.254", "private"),
                Map.entry("192.168.1.1", "private"), Map.entry("100.64.0.1", "private (shared)"),
                Map.entry("169.254.169.254", "link-local"), Map.entry("fe80::1", "link-local"),
                Map.entry("224.0.0.251", "multicast"), Map.entry("ff02::1", "multicast"),
                Map.entry("0.0.0.0", "unspecified"), Map.entry("::", "unspecified"),
                Map.entry("fd00:ec2::254", "private (unique local)"), Map.entry("255.255.255.255", "reserved"),
                Map.entry("::ffff:169.254.169.254", "link-local"), Map.entry("::ffff:10.0.0.1", "private"),
                Map.entry("64:ff9b::a9fe:a9fe", "link-local"), Map.entry("2002:7f00:0001::", "loopback"),
                Map.entry("::127.0.0.1", "loopback"));
        refused.forEach((address, reason) -> {
            try {
                assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isEqualTo(reason);
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void testsCanAllowOneExactAddressAndNothingElse() throws Exception {
        AddressPolicy test = AddressPolicy.publicOnlyExcept(InetAddress.getByName("127.0.0.1"));

        assertThat(test.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(test.refusal(InetAddress.getByName("127.0.0.2"))).isEqualTo("loopback");
        assertThat(test.refusal(InetAddress.getByName("169.254.169.254"))).isEqualTo("link-local");
    }
}
