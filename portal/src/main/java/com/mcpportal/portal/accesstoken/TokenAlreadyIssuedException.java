package com.mcpportal.portal.accesstoken;

/** The issuing form was submitted before: its token was shown then, and is never shown again. */
class TokenAlreadyIssuedException extends RuntimeException {

    TokenAlreadyIssuedException(String publicId) {
        super("This form was already submitted" + (publicId == null ? "" : ": it created token mcpp_" + publicId + "_…")
                + ". A token is shown only once; if it was not copied, revoke it and create another.");
    }
}
