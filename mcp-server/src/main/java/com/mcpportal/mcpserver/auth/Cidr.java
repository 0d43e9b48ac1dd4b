package com.mcpportal.mcpserver.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/16} or {@code 2001:db8::/32}. */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** Parses {@code address/prefix} or a bare address (a block of one). */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addressPart = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(addressPart);
        if (address == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address or CIDR block");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("\"" + text + "\" has a prefix length outside 0-" + bits);
            }
        }
        return new Cidr(mask(address.getAddress(), prefix), prefix, text);
    }

    /** Parses a list of blocks; the message names {@code variable} on failure. */
    public static List<Cidr> parseAll(String variable, List<String> items) {
        try {
            return items.stream().map(Cidr::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage());
        }
    }

    public static boolean anyContains(List<Cidr> blocks, InetAddress address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefixLength), network);
    }

    /**
     * The address for an IP literal, or {@code null}. Never resolves names: only hex digits, dots
     * and colons reach {@link InetAddress#getByName}.
     */
    public static @Nullable InetAddress literal(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = Character.digit(c, 16) >= 0;
            colon |= c == ':';
            if (!hex && c != '.' && c != ':') {
                return null;
            }
        }
        if (!colon && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }
}
