package com.mcpportal.portal.accesstoken;

import com.mcpportal.portal.apikey.PlaintextKey;

/** A token just issued, with its plaintext: shown once, then gone ({@code toString()} keeps it out). */
record IssuedAccessToken(AccessTokenView token, PlaintextKey plaintext) {
}
