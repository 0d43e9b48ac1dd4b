package com.mcpportal.portal.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in, throttled ({@link SignInThrottle}): a username or client address that must wait is
 * refused before its password is checked, and each wrong password counts for both. The account's disabled state is
 * checked only after the password matched, so a stranger cannot probe which accounts are disabled.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottlingAuthenticationProvider(UserDetailsService userDetails, PasswordEncoder encoder, SignInThrottle throttle,
                                     LocalSignInSettings localSignIn) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(encoder);
        UserDetailsChecker statusChecks = user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
            // After the password matched, like the disabled check: a stranger learns nothing about the account.
            if (localSignIn.adminOnly() && user.getAuthorities().stream()
                    .noneMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()))) {
                throw new LocalSignInOffException();
            }
        };
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(statusChecks);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = clientAddress(authentication);
        Optional<Duration> waiting = throttle.waitBefore(username, address);
        if (waiting.isPresent()) {
            throw new SignInThrottledException(waiting.get());
        }
        try {
            return passwords.authenticate(authentication);
        }
        catch (BadCredentialsException wrongPassword) {
            throttle.recordFailure(username, address);
            Optional<Duration> nowWaiting = throttle.waitBefore(username, address);
            if (nowWaiting.isPresent()) {
                throw new SignInThrottledException(nowWaiting.get());
            }
            throw wrongPassword;
        }
    }

    /** What the servlet container reports as the client (see {@link SignInThrottle}); null outside a web request. */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
