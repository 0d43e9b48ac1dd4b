package com.mcpportal.portal.apikey;

/**
 * A key in plain text, held only in memory between issuing it and showing it once. {@link #toString()} shows the
 * public id alone, so a key that ends up in a log line, an exception or a model dump by mistake is not leaked;
 * call {@link #reveal()} where the key is really meant to be shown (the one-time result page, an API response).
 */
public final class PlaintextKey {

    private final String value;
    private final String publicId;

    PlaintextKey(String value, ApiKeyFormat format) {
        this.value = value;
        this.publicId = format.publicIdOf(value).orElseThrow(() -> new IllegalArgumentException("Not a key"));
    }

    /** The key itself. */
    public String reveal() {
        return value;
    }

    public String publicId() {
        return publicId;
    }

    /** Hex SHA-256 of the key: what is stored and published. */
    public String sha256() {
        return ApiKeyFormat.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "PlaintextKey[" + publicId + ", redacted]";
    }
}
