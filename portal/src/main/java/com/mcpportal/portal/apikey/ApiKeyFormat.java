package com.mcpportal.portal.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The layout of the keys the portal issues, modelled on GitHub's tokens:
 * <pre>
 *   mcp_&lt;public id&gt;_&lt;secret&gt;&lt;checksum&gt;      e.g. mcp_4fT9kQ2bXw7Z_h3K…(32)…Qz01x9Ab
 *       12 base62      32 base62 + 6 base62          55 characters in all
 * </pre>
 * <ul>
 *   <li>The prefix makes a leaked key recognisable (secret scanners, our own log redaction: {@link #redact}).</li>
 *   <li>The public id (12 base62 characters, about 71 bits, from {@link SecureRandom}) names the key in the UI,
 *   the audit log and the MCP server's request log, which reads it as {@code mcp_([A-Za-z0-9]+)_…}: so the id
 *   holds no underscore.</li>
 *   <li>The secret is 32 base62 characters from {@link SecureRandom}: 32 × log2(62) ≈ 190 bits.</li>
 *   <li>The checksum is the CRC32 of everything before it, as 6 base62 digits (62^6 &gt; 2^32), so a scanner
 *   tells a real key from a look-alike without asking us, and a mistyped key is caught before any lookup.</li>
 * </ul>
 * Only the SHA-256 of the whole key is stored (no pepper: see {@link #sha256Hex}). Another kind of token, such
 * as a personal access token for the portal's API, reuses this class with its own prefix ({@code new
 * ApiKeyFormat("mcpp")}) so its keys are told apart at a glance and never accepted in each other's place.
 */
public final class ApiKeyFormat {

    /** The keys MCP clients send to a team's MCP servers. */
    public static final ApiKeyFormat MCP = new ApiKeyFormat("mcp");

    static final int PUBLIC_ID_LENGTH = 12;
    static final int SECRET_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final Pattern exact;
    private final Pattern anywhere;

    /** @param prefix 2–10 lower-case letters, no underscore (the underscore separates the parts) */
    public ApiKeyFormat(String prefix) {
        if (prefix == null || !prefix.matches("[a-z]{2,10}")) {
            throw new IllegalArgumentException("A key prefix is 2-10 lower-case letters");
        }
        this.prefix = prefix;
        String body = Pattern.quote(prefix) + "_([0-9A-Za-z]{" + PUBLIC_ID_LENGTH + "})_[0-9A-Za-z]{"
                + (SECRET_LENGTH + CHECKSUM_LENGTH) + "}";
        this.exact = Pattern.compile(body);
        // Not glued to other word characters, so it is found inside log lines, URLs and JSON.
        this.anywhere = Pattern.compile("(?<![0-9A-Za-z_])" + body + "(?![0-9A-Za-z_])");
    }

    public String prefix() {
        return prefix;
    }

    /** A new key from {@link SecureRandom}. */
    public PlaintextKey generate() {
        String withoutChecksum = prefix + "_" + random(PUBLIC_ID_LENGTH) + "_" + random(SECRET_LENGTH);
        return new PlaintextKey(withoutChecksum + checksum(withoutChecksum), this);
    }

    /** Whether the text is exactly one of our keys: the layout and the checksum both match. */
    public boolean looksLikeKey(String text) {
        return text != null && exact.matcher(text).matches() && checksumValid(text);
    }

    /** The public id of a well-formed key (checksum checked), or empty. */
    public Optional<String> publicIdOf(String key) {
        if (!looksLikeKey(key)) {
            return Optional.empty();
        }
        Matcher matcher = exact.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The text with every key in it replaced by {@code mcp_<public id>_[redacted]}, for anything that may echo
     * user input into a log or a message. Only checksum-valid keys are replaced, so ordinary words stay.
     */
    public String redact(String text) {
        if (text == null || !text.contains(prefix + "_")) {
            return text;
        }
        Matcher matcher = anywhere.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = checksumValid(matcher.group()) ? prefix + "_" + matcher.group(1) + "_[redacted]"
                    : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Hex SHA-256 of the whole key (UTF-8): what the portal stores and publishes, and what the MCP server computes
     * from the key a client sends. A server-side pepper (an HMAC key) would make a stolen database useless for
     * guessing, but the MCP servers must verify keys on their own from the published set, so the published digest
     * is plain SHA-256 and a pepper in the database alone would add nothing. The keys carry about 190 random bits,
     * so a plain digest cannot be reversed by guessing anyway.
     */
    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static boolean checksumValid(String key) {
        int split = key.length() - CHECKSUM_LENGTH;
        return checksum(key.substring(0, split)).equals(key.substring(split));
    }

    static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62.charAt(RANDOM.nextInt(BASE62.length())); // nextInt(bound) is unbiased
        }
        return new String(chars);
    }
}
