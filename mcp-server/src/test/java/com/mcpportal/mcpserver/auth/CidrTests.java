package com.mcpportal.mcpserver.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTests {

    @Test
    void ipv4BlockContainsItsAddressesOnly() {
        Cidr block = Cidr.parse("10.1.0.0/16");
        assertThat(block.contains(Cidr.literal("10.1.255.3"))).isTrue();
        assertThat(block.contains(Cidr.literal("10.2.0.1"))).isFalse();
        assertThat(block.contains(Cidr.literal("::1"))).isFalse();
    }

    @Test
    void bareAddressIsABlockOfOneAndSlashZeroIsEverything() {
        assertThat(Cidr.parse("192.0.2.7").contains(Cidr.literal("192.0.2.7"))).isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains(Cidr.literal("192.0.2.8"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("203.0.113.9"))).isTrue();
    }

    @Test
    void ipv6BlocksWork() {
        Cidr block = Cidr.parse("2001:db8::/32");
        assertThat(block.contains(Cidr.literal("2001:db8:1::5"))).isTrue();
        assertThat(block.contains(Cidr.literal("2001:db9::1"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithoutDnsLookups() {
        assertThat(Cidr.literal("example.com")).isNull();
        assertThat(Cidr.literal("10.0.0")).isNull();
        assertThatThrownBy(() -> Cidr.parse("localhost/8")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Cidr.parseAll("MCP_SERVER_ALLOWED_CIDRS", List.of("10.0.0.0/8", "nope")))
                .hasMessageStartingWith("MCP_SERVER_ALLOWED_CIDRS");
    }
}
