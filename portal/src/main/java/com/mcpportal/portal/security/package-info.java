/**
 * Signing in and staying signed in: the login form and its throttle ({@code SignInThrottle}), sign-in with an
 * OpenID Connect provider, the sessions and their {@code portal_session} rows ({@code PortalSessions}), the
 * per-request account check that ends sessions ({@code ActiveAccountFilter}), and the user's own account page with
 * its session list.
 *
 * <p>Settings, with their defaults ({@code SignInSettings}):
 * <ul>
 *     <li>{@code portal.sign-in.free-failures} (5): failed sign-ins of one username that cost nothing;</li>
 *     <li>{@code portal.sign-in.address-free-failures} (20): failed sign-ins from one client address, over any
 *     usernames, that cost nothing;</li>
 *     <li>{@code portal.sign-in.first-delay} (15s), {@code portal.sign-in.max-delay} (15m): the wait after the first
 *     failure past the free ones, doubling up to the maximum;</li>
 *     <li>{@code portal.sign-in.forget-after} (1h): failures are forgotten after this long without a new one.</li>
 * </ul>
 * Identity providers ({@code OidcSettings}), none by default; per provider id:
 * <ul>
 *     <li>{@code portal.oidc.providers.<id>.issuer-uri}, {@code .client-id} (both required) and {@code .client-secret}
 *     (none: a public client);</li>
 *     <li>{@code .scopes} (openid, profile, email), {@code .username-claim} (preferred_username),
 *     {@code .groups-claim} (groups), {@code .label} (the id): the button says "Sign in with" the label;</li>
 *     <li>{@code .admin-group} (none): members of this group are portal administrators, applied at each sign-in.</li>
 * </ul>
 * Administrators also add providers on the admin pages ({@code OidcProviders}, table {@code oidc_provider}, the
 * client secret sealed with the portal's secret key); configured ones win on the same id.
 * {@code portal.auth.local-sign-in} ({@code LocalSignInSettings}, everyone): {@code admin-only} leaves the form to
 * administrators.
 * A provider's first sign-in of a person creates their account through {@code user.ExternalAccounts}
 * ({@code OidcAccounts}); after that they are a signed-in user like any other ({@code OidcPortalUser}).
 * Spring's own settings this package relies on: {@code server.servlet.session.timeout} (8h, an idle session ends)
 * and, for the client address, {@code server.forward-headers-strategy} ({@code none}; {@code native} behind a proxy)
 * with {@code server.tomcat.remoteip.internal-proxies} naming that proxy. The first administrator's password
 * ({@code portal.admin.password}, {@code portal.admin.password-file}) is the {@code user} package's.
 */
package com.mcpportal.portal.security;
