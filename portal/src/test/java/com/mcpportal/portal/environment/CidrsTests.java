package com.mcpportal.portal.environment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IP allowlist: CIDR blocks only, with messages that say how to fix a wrong one. */
class CidrsTests {

    @Test
    void entriesAreSplitOnLinesCommasAndSpacesWithoutRepeats() {
        assertThat(Cidrs.split(" 203.0.113.0/24,\n198.51.100.7/32  203.0.113.0/24\r\n\n2001:db8::/32 "))
                .containsExactly("203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32");
        assertThat(Cidrs.split("   ")).isEmpty();
        assertThat(Cidrs.split(null)).isEmpty();
    }

    @Test
    void networksOfBothFamiliesAreAccepted() {
        assertThat(Cidrs.validate(List.of("0.0.0.0/0", "10.0.0.0/8", "203.0.113.7/32", "2001:db8::/32", "::/0")))
                .isEmpty();
    }

    @Test
    void eachMistakeGetsItsOwnMessage() {
        assertThat(Cidrs.validate(List.of("203.0.113.7"))).hasValueSatisfying(m -> assertThat(m)
                .contains("no prefix length").contains("/32"));
        assertThat(Cidrs.validate(List.of("203.0.113.300/24"))).hasValueSatisfying(m -> assertThat(m)
                .contains("not an IPv4 or IPv6 address"));
        assertThat(Cidrs.validate(List.of("example.com/24"))).hasValueSatisfying(m -> assertThat(m)
                .contains("not an IPv4 or IPv6 address"));
        assertThat(Cidrs.validate(List.of("10.0.0.0/33"))).hasValueSatisfying(m -> assertThat(m)
                .contains("from 0 to 32"));
        assertThat(Cidrs.validate(List.of("10.1.2.3/16"))).hasValueSatisfying(m -> assertThat(m)
                .contains("host bits set").contains("10.1.0.0/16"));
        assertThat(Cidrs.validate(List.of("2001:db8::1/32"))).hasValueSatisfying(m -> assertThat(m)
                .contains("host bits set"));
    }

    @Test
    void everyBadEntryIsNamedNotOnlyTheFirst() {
        List<String> entries = List.of("203.0.113.0/24", "10.0.0.1", "198.51.100.0/24", "10.0.0.0/33");

        assertThat(Cidrs.problems(entries)).hasSize(2).satisfiesExactly(
                first -> assertThat(first).startsWith("'10.0.0.1' has no prefix length"),
                second -> assertThat(second).startsWith("'10.0.0.0/33' needs a prefix length"));
        assertThat(Cidrs.validate(entries)).hasValueSatisfying(m -> assertThat(m).contains("'10.0.0.1'")
                .contains("'10.0.0.0/33'"));
    }

    @Test
    void theListHasALimit() {
        List<String> many = java.util.stream.IntStream.range(0, Cidrs.MAX + 1).mapToObj(i -> "10.0." + i + ".0/24")
                .toList();
        assertThat(Cidrs.validate(many)).hasValueSatisfying(m -> assertThat(m).contains("at most 20"));
    }
}
