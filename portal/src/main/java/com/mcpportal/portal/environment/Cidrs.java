package com.mcpportal.portal.environment;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses and checks an IP allowlist: IPv4 or IPv6 CIDRs, one per line or comma-separated, network addresses only. */
final class Cidrs {

    static final int MAX = 20;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*");

    private Cidrs() {
    }

    /** The entries of a text area: split on commas, spaces and line breaks, blanks and repeats dropped. */
    static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        LinkedHashSet<String> entries = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                entries.add(part.trim());
            }
        }
        return new ArrayList<>(entries);
    }

    /** Why the list is not acceptable (every bad entry, each named), or empty when every entry is a CIDR block. */
    static Optional<String> validate(List<String> cidrs) {
        List<String> problems = problems(cidrs);
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    /** One sentence per bad entry, each naming the entry, so a form can list them all beside the field at once. */
    static List<String> problems(List<String> cidrs) {
        if (cidrs.size() > MAX) {
            return List.of("Enter at most " + MAX + " networks.");
        }
        return cidrs.stream().map(Cidrs::problem).flatMap(Optional::stream).toList();
    }

    private static Optional<String> problem(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.of("'" + cidr + "' has no prefix length; write a network like 203.0.113.0/24"
                    + " (a single address is /32).");
        }
        String address = cidr.substring(0, slash);
        String prefixText = cidr.substring(slash + 1);
        byte[] bytes = parse(address);
        if (bytes == null) {
            return Optional.of("'" + address + "' is not an IPv4 or IPv6 address.");
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(prefixText);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.of("'" + cidr + "' needs a prefix length from 0 to " + bits + ".");
        }
        BigInteger value = new BigInteger(1, bytes);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (!value.and(hostMask).equals(BigInteger.ZERO)) {
            return Optional.of("'" + cidr + "' has host bits set; the network is "
                    + format(value.andNot(hostMask), bytes.length) + "/" + prefix + ".");
        }
        return Optional.empty();
    }

    private static byte[] parse(String address) {
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        // Only hex digits and colons reach InetAddress, so it parses a literal and never looks up a name.
        if (IPV6.matcher(address).matches()) {
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static String format(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
