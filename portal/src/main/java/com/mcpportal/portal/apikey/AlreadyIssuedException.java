package com.mcpportal.portal.apikey;

import org.jspecify.annotations.Nullable;

/**
 * The issue form was submitted again (a reload, a double click): its key was issued the first time and shown once;
 * it is not issued twice and cannot be shown again.
 */
public class AlreadyIssuedException extends RuntimeException {

    private final @Nullable Long keyId;
    private final @Nullable String publicId;

    AlreadyIssuedException(@Nullable Long keyId, @Nullable String publicId) {
        super("This form was already submitted" + (publicId == null ? "" : ": it issued key " + publicId)
                + ". A key is shown only once; if it was not copied, revoke it and issue another.");
        this.keyId = keyId;
        this.publicId = publicId;
    }

    public @Nullable Long keyId() {
        return keyId;
    }

    public @Nullable String publicId() {
        return publicId;
    }
}
