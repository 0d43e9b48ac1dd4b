package com.mcpportal.portal.security;

import java.util.Optional;

import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccounts;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestComponent;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** In controller slices every signed-in test user exists and is enabled, so {@link ActiveAccountFilter} lets them by. */
@TestComponent
class EnabledAccountsStub implements InitializingBean {

    private final UserAccounts users;

    EnabledAccountsStub(UserAccounts users) {
        this.users = users;
    }

    @Override
    public void afterPropertiesSet() {
        UserAccount account = mock(UserAccount.class);
        when(account.isEnabled()).thenReturn(true);
        when(users.find(anyLong())).thenReturn(Optional.of(account));
    }
}
