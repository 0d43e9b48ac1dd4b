package com.mcpportal.portal.apikey;

/**
 * The issue form was submitted again (a reload, a double click): its key was issued the first time and shown once;
 * it is not issued twice and cannot be shown again.
 */
public class AlreadyIssuedException extends RuntimeException {

    private final Long keyId;
    private final String publicId;

    AlreadyIssuedException(Long keyId, String publicId) {
        super("This form was already submitted" + (publicId == null ? "" : ": it issued key " + publicId)
                + ". A key is shown only once; if it was not copied, revoke it and issue another.");
        this.keyId = keyId;
        this.publicId = publicId;
    }

    public Long keyId() {
        return keyId;
    }

    public String publicId() {
        return publicId;
    }
}
