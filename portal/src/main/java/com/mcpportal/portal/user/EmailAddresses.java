package com.mcpportal.portal.user;

import java.util.regex.Pattern;

/**
 * What the portal takes as an e-mail address, wherever one is typed (an account's own, a channel's recipients, the
 * SMTP From): one {@code @}, a dot in the domain, no spaces, brackets, quotes or list separators, at most 254
 * characters (RFC 5321's path limit). Deliverability is the mail server's to judge; this only keeps typing errors
 * and header injection out.
 */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");

    private EmailAddresses() {
    }

    /** Whether {@code address} (already stripped) is taken as an e-mail address. */
    public static boolean valid(String address) {
        return address.length() <= 254 && ADDRESS.matcher(address).matches();
    }
}
