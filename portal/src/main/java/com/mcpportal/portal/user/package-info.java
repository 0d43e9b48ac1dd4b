/**
 * User accounts: the administrators' Users pages, the first administrator ({@code portal.admin.*}) and password rules.
 * Other features look accounts up through {@link com.mcpportal.portal.user.UserAccounts} and change them through
 * {@link com.mcpportal.portal.user.UserAccountService}; the repository is the feature's own.
 */
package com.mcpportal.portal.user;
