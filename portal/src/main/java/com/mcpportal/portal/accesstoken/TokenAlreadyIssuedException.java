package com.mcpportal.portal.accesstoken;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The issuing form was submitted before: its token was shown then, and is never shown again. */
class TokenAlreadyIssuedException extends RuntimeException {

    /** @param publicId the token the earlier submission issued, or null when it is not the caller's to see */
    TokenAlreadyIssuedException(@Nullable String publicId) {
        super("This form was already submitted" + (publicId == null ? "" : ": it created token mcpp_" + publicId + "_…")
                + ". A token is shown only once; if it was not copied, revoke it and create another.");
    }

    /** Always set, shown on the page. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
