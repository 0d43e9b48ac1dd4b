package com.mcpportal.portal.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Password rules and one-time password generation. */
public final class Passwords {

    /** Long enough to resist guessing; BCrypt reads at most 72 bytes, so longer ones are refused, not cut. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    static final String WELL_KNOWN = "This is a well-known password or an example's placeholder: choose one of your own.";

    /**
     * Words that example files use as placeholders ({@code deploy/compose.env.example}'s
     * {@code change-me-admin-password} among them), refused wherever they appear in a password.
     */
    private static final List<String> PLACEHOLDERS = List.of("changeme", "replaceme", "yourpassword", "placeholder",
            "example", "fillmein");

    /**
     * The letters of the passwords people try first; a password whose letters are exactly one of these (whatever
     * digits and signs surround them: {@code Password123!}, {@code admin-password}) is refused.
     */
    private static final Set<String> COMMON_LETTERS = Set.of("password", "passwort", "passwordpassword",
            "adminpassword", "passwordadmin", "admin", "adminadmin", "administrator", "root", "qwerty", "qwertyuiop",
            "qwertz", "azerty", "asdfghjkl", "asdf", "letmein", "welcome", "iloveyou", "abc", "abcdef", "abcdefghijkl",
            "monkey", "dragon", "sunshine", "secret", "test", "testtest", "default", "portal", "mcpportal");

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Why the password is not acceptable, or null if it is. */
    public static @Nullable String problemWith(@Nullable String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " plain letters).";
        }
        if (password.isBlank()) {
            return "A password cannot be only spaces.";
        }
        return wellKnown(password) ? WELL_KNOWN : null;
    }

    private static boolean wellKnown(String password) {
        String plain = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (PLACEHOLDERS.stream().anyMatch(plain::contains)) {
            return true;
        }
        String letters = plain.replaceAll("\\P{L}", "");
        return COMMON_LETTERS.contains(letters) || oneCharacterRepeated(plain) || (letters.isEmpty() && sequence(plain));
    }

    private static boolean oneCharacterRepeated(String plain) {
        return !plain.isEmpty() && plain.chars().allMatch(c -> c == plain.charAt(0));
    }

    /** 123456789012, 987654321098: digits counting up or down (wrapping 9 to 0). */
    private static boolean sequence(String digits) {
        if (digits.length() < 2) {
            return true;
        }
        int step = Math.floorMod(digits.charAt(1) - digits.charAt(0), 10);
        if (step != 1 && step != 9) {
            return false;
        }
        for (int i = 2; i < digits.length(); i++) {
            if (Math.floorMod(digits.charAt(i) - digits.charAt(i - 1), 10) != step) {
                return false;
            }
        }
        return true;
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
