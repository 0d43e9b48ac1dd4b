/**
 * User accounts: the administrators' Users pages, the first administrator ({@code portal.admin.*}) and password rules.
 * Other features look accounts up through {@link com.mcpportal.portal.user.UserAccounts} and change them through
 * {@link com.mcpportal.portal.user.UserAccountService}; the repository is the feature's own. Accounts of people who
 * sign in with an identity provider are made and found by {@link com.mcpportal.portal.user.ExternalAccounts}, by the
 * provider's issuer and subject ({@code user_external_identity}).
 */
@NullMarked
package com.mcpportal.portal.user;

import org.jspecify.annotations.NullMarked;
