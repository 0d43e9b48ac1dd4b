package com.mcpportal.portal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password sign-in with a lock-out: a locked username is refused before its password is checked,
 * and each wrong password counts towards the lock. The account's disabled state is checked only after the
 * password matched, so a stranger cannot probe which accounts are disabled.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottlingAuthenticationProvider(UserDetailsService userDetails, PasswordEncoder encoder, SignInThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(encoder);
        UserDetailsChecker statusChecks = user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        };
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(statusChecks);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (throttle.lockedUntil(username).isPresent()) {
            throw new SignInLockedException("Username locked after repeated failed sign-ins");
        }
        try {
            return passwords.authenticate(authentication);
        }
        catch (BadCredentialsException wrongPassword) {
            if (throttle.recordFailure(username)) {
                throw new SignInLockedException("Username locked after repeated failed sign-ins");
            }
            throw wrongPassword;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
