package com.mcpportal.portal.apikey;

/**
 * A key just issued or rolled, with its plaintext: shown once, then gone. {@code toString()} keeps the plaintext
 * out (see {@link PlaintextKey}).
 */
public record IssuedKey(ApiKeyView key, PlaintextKey plaintext) {
}
