package com.mcpportal.mcpserver.tools;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses the server may fetch an {@code audio_url} from: public unicast only, so that
 * a tool call cannot reach the task's metadata endpoint, the VPC or the server itself (SSRF).
 */
final class AddressPolicy {

    private static final List<Block> BLOCKED_V4 = List.of(
            new Block("0.0.0.0", 8, "unspecified"), new Block("10.0.0.0", 8, "private"),
            new Block("100.64.0.0", 10, "private (shared)"), new Block("127.0.0.0", 8, "loopback"),
            new Block("169.254.0.0", 16, "link-local"), new Block("172.16.0.0", 12, "private"),
            new Block("192.0.0.0", 24, "reserved"), new Block("192.0.2.0", 24, "reserved"),
            new Block("192.168.0.0", 16, "private"), new Block("198.18.0.0", 15, "reserved"),
            new Block("198.51.100.0", 24, "reserved"), new Block("203.0.113.0", 24, "reserved"),
            new Block("224.0.0.0", 4, "multicast"), new Block("240.0.0.0", 4, "reserved"));
    private static final List<Block> BLOCKED_V6 = List.of(
            new Block("::", 128, "unspecified"), new Block("::1", 128, "loopback"),
            new Block("100::", 64, "reserved"), new Block("2001:db8::", 32, "reserved"),
            new Block("fc00::", 7, "private (unique local)"), new Block("fe80::", 10, "link-local"),
            new Block("fec0::", 10, "private (site local)"), new Block("ff00::", 8, "multicast"));

    private final Set<InetAddress> exceptions;

    private AddressPolicy(Set<InetAddress> exceptions) {
        this.exceptions = exceptions;
    }

    /** Production: public unicast addresses only. */
    static AddressPolicy publicOnly() {
        return new AddressPolicy(Set.of());
    }

    /** For tests: also these exact addresses (e.g. the loopback fake), nothing else. */
    static AddressPolicy publicOnlyExcept(InetAddress... addresses) {
        return new AddressPolicy(Set.of(addresses));
    }

    /** Why the address is refused, or null when it may be fetched. */
    @Nullable String refusal(InetAddress address) {
        if (exceptions.contains(address)) {
            return null;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return blockedBy(BLOCKED_V4, bytes);
        }
        if (address instanceof Inet6Address) {
            String refusal = blockedBy(BLOCKED_V6, bytes);
            byte[] embedded = embeddedIpv4(bytes);
            // ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d and 2002:aabb:ccdd:: all reach an IPv4 host.
            return refusal != null || embedded == null ? refusal : blockedBy(BLOCKED_V4, embedded);
        }
        return "unknown address type";
    }

    private static byte @Nullable [] embeddedIpv4(byte[] v6) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= v6[i] == 0;
        }
        boolean mapped = firstTenZero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        if ((v6[0] & 0xff) == 0x20 && v6[1] == 0x02) {
            return new byte[] {v6[2], v6[3], v6[4], v6[5]};
        }
        return null;
    }

    private static @Nullable String blockedBy(List<Block> blocks, byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block.reason;
            }
        }
        return null;
    }

    private record Block(byte[] network, int prefix, String reason) {

        Block(String network, int prefix, String reason) {
            this(literal(network), prefix, reason);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] literal(String text) {
            try {
                // Only literals here: no DNS lookup happens.
                InetAddress address = InetAddress.getByName(text);
                return text.contains(":") && address instanceof Inet4Address ? toV6(address) : address.getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] toV6(InetAddress v4) {
            byte[] v6 = new byte[16];
            System.arraycopy(v4.getAddress(), 0, v6, 12, 4);
            return v6;
        }
    }
}
