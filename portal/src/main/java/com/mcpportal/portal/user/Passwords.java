package com.mcpportal.portal.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Password rules and one-time password generation. */
public final class Passwords {

    /** Long enough to resist guessing; BCrypt reads at most 72 bytes, so longer ones are refused, not cut. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Why the password is not acceptable, or null if it is. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " plain letters).";
        }
        if (password.isBlank()) {
            return "A password cannot be only spaces.";
        }
        return null;
    }

    /** 20 characters from a 57-symbol alphabet without look-alikes: about 116 bits of randomness. */
    public static String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
